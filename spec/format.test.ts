import { expect, test } from '@playwright/test';

import { formatCount, formatMs, formatPercent, formatShare, plural } from '../src/format';

test.describe('formatMs', () => {
  const durations: readonly (readonly [number | null, string])[] = Object.freeze([
    [null, 'n/a'],
    [0, '0.0 ms'],
    [2.449, '2.4 ms'],
    [9.96, '10.0 ms'],
    [412.4, '412 ms'],
    [999.4, '999 ms'],
    [999.6, '1.00 s'],
    [1_234, '1.23 s'],
    [42_450, '42.5 s'],
    [59_960, '1 min 00 s'],
    [125_000, '2 min 05 s'],
    [3_725_000, '1 h 02 min'],
    [-12, '-12 ms'],
  ] as const);
  for (const [ms, expected] of durations) {
    test(`formats ${ms} ms as "${expected}"`, () => {
      expect(formatMs(ms)).toBe(expected);
    });
  }
});

test.describe('shares and counts', () => {
  test('writes a ratio as a percentage with one decimal', () => {
    expect(formatPercent(0.955)).toBe('95.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.05)).toBe('5.0%');
  });

  test('writes part of a whole like formatPercent, and "n/a" for a share of nothing', () => {
    expect(formatShare(0, 0)).toBe('n/a');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(1, 3)).toBe(formatPercent(1 / 3));
  });

  test('writes counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(120_000)).toBe('120,000');
  });

  test('puts the noun in the plural unless the count is one', () => {
    expect(plural(1, 'user')).toBe('1 user');
    expect(plural(0, 'user')).toBe('0 users');
    expect(plural(1_200, 'user')).toBe('1,200 users');
  });
});
