import { expect, test } from '@playwright/test';

import { PERCENTILE_METHOD, summarizeMs } from '../src/stats';
import { deepFreeze, seededRandom, shuffled } from './helpers/records';

import type { LatencyStats } from '../src/records';

const range = (count: number, step = 1, from = step): number[] =>
  Array.from({ length: count }, (_, index) => from + index * step);

// Expected values are worked out by hand from h = (n - 1) * p; none of them is rounded.
const cases: { title: string; values: number[]; expected: LatencyStats }[] = [
  {
    title: 'gives the value itself for every figure of a single sample',
    values: [42],
    expected: { count: 1, min: 42, avg: 42, p50: 42, p90: 42, p95: 42, p99: 42, max: 42 },
  },
  {
    title: 'interpolates between the two closest ranks of three samples',
    values: [30, 10, 20],
    expected: { count: 3, min: 10, avg: 20, p50: 20, p90: 28, p95: 29, p99: 29.8, max: 30 },
  },
  {
    title: 'takes x[h] as it is when h is a whole number (101 samples 0..200)',
    values: range(101, 2, 0),
    expected: { count: 101, min: 0, avg: 100, p50: 100, p90: 180, p95: 190, p99: 198, max: 200 },
  },
  {
    title: 'gives p95 = 95.05 for the 100 samples 1..100',
    values: range(100),
    expected: {
      count: 100,
      min: 1,
      avg: 50.5,
      p50: 50.5,
      p90: 90.10000000000001, // 89 + 0.1 * 1 in binary floating point, kept unrounded
      p95: 95.05,
      p99: 99.01,
      max: 100,
    },
  },
  {
    // The runbook script's nearest-rank rule would average x[18] and x[19] here and give 195.
    title: 'interpolates rather than averages when n * p is a whole number (20 samples)',
    values: range(20, 10),
    expected: {
      count: 20,
      min: 10,
      avg: 105,
      p50: 105,
      p90: 181,
      p95: 190.5,
      p99: 198.1,
      max: 200,
    },
  },
  {
    title: 'keeps negative values, as an early start gives a negative schedule lag',
    values: range(101, 1, -50),
    expected: { count: 101, min: -50, avg: 0, p50: 0, p90: 40, p95: 45, p99: 49, max: 50 },
  },
];

test.describe('summarizeMs', () => {
  test('returns count 0 and null figures when there are no values', () => {
    expect(summarizeMs([])).toEqual({
      count: 0,
      min: null,
      avg: null,
      p50: null,
      p90: null,
      p95: null,
      p99: null,
      max: null,
    });
  });

  for (const { title, values, expected } of cases) {
    test(title, () => {
      expect(summarizeMs(deepFreeze(values))).toEqual(expected);
    });
  }

  test('leaves the caller array in its original order', () => {
    const values = [3, 1, 2];

    summarizeMs(values);

    expect(values).toEqual([3, 1, 2]);
  });

  test('gives bit-identical figures for any order of the same values', () => {
    const random = seededRandom(7);
    // Magnitudes from 1e-3 to 1e6 ms make a naive running sum differ in the last bit by order.
    const values = range(997).map(() => random() * 10 ** (random() * 9 - 3));
    const expected = summarizeMs(values);

    for (let round = 0; round < 5; round++) {
      expect(summarizeMs(shuffled(values, random))).toEqual(expected);
    }
  });

  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
    test(`throws a TypeError naming the index when a value is ${bad}`, () => {
      expect(() => summarizeMs([1, bad])).toThrow(
        new TypeError(`Expected finite milliseconds, got ${bad} at index 1`),
      );
    });
  }
});

test.describe('PERCENTILE_METHOD', () => {
  test('states the example that the installed simple-statistics really produces', () => {
    expect(PERCENTILE_METHOD).toContain('95.05 for the values 1 to 100');
    expect(PERCENTILE_METHOD).toContain('R type 7');
    expect(summarizeMs(range(100)).p95).toBe(95.05);
  });
});
