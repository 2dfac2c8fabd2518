import { expect, test } from '@playwright/test';

import { compareResults, diffResults, isRunResults } from '../../src/judge/compare';
import { JUDGE_DEFAULTS } from '../../src/judge/defaults';
import { EMPTY_SCAN } from '../../src/judge/unsupported-scan';
import { judgeRun } from '../../src/judge/verdict';
import { runOf, runResults, usersWith } from './build-results';

import type { RunResults } from '../../src/records';

const SETTINGS = { ...JUDGE_DEFAULTS, backendLogs: [] };

function judged(results: RunResults): RunResults {
  return { ...results, verdict: judgeRun(results, SETTINGS, EMPTY_SCAN) };
}

// Before: 20 users, 2 timeouts, enqueue 2000 ms. After: all completed at 400 ms.
const before = judged(
  runResults(
    runOf(20, 2, 'timeout', { total_ms: 1_200_000 }).map((run) => ({ ...run, enqueue_ms: 2000 })),
  ),
);
const after = judged(
  runResults(usersWith(20, 'completed', { enqueue_ms: 400 }), { wall_time_seconds: 45 }),
);

test('diffs every headline figure with its change and relative change', () => {
  const diff = diffResults(before, after);
  const figure = (name: string) => diff.figures.find((entry) => entry.name === name);
  expect(figure('users')).toEqual({
    name: 'users',
    unit: 'count',
    before: 20,
    after: 20,
    change: 0,
    change_pct: 0,
  });
  expect(figure('timeout')).toMatchObject({ before: 2, after: 0, change: -2, change_pct: -100 });
  expect(figure('completed share')).toMatchObject({ before: 0.9, after: 1, change_pct: null });
  expect(figure('enqueue_ms p95')).toMatchObject({
    before: 2000,
    after: 400,
    change: -1600,
    change_pct: -80,
  });
  expect(figure('poll_ms p50')).toMatchObject({ before: null, after: null, change: null });
  expect(figure('wall_time_seconds')).toMatchObject({
    before: 60,
    after: 45,
    change: -15,
    change_pct: -25,
  });
  expect(diff.figures.map((entry) => entry.name)).toEqual(
    expect.arrayContaining([
      'not_started share',
      'total_ms p99',
      'schedule_lag_ms p95',
      'reused_users',
      'distinct_tasks',
    ]),
  );
  expect(diff.verdict).toEqual({ before: 'failed', after: 'passed' });
  expect(diff.criteria.find((entry) => entry.name === 'enqueue_p95_ms')).toEqual({
    name: 'enqueue_p95_ms',
    bound: '< 1.50 s',
    before: { value: 2000, passed: false },
    after: { value: 400, passed: true },
  });
});

test('renders an aligned table with signed changes, percentage points for shares and the verdict', () => {
  const lines = compareResults(before, after).split('\n');
  expect(lines[0]).toMatch(/^figure\s+before\s+after\s+change$/);
  expect(lines[1]).toMatch(/^-+( +-+){3}$/);
  const row = (name: string) => lines.find((line) => line.startsWith(`${name} `))?.split(/\s{2,}/);
  expect(row('enqueue_ms p95')).toEqual(['enqueue_ms p95', '2.00 s', '400 ms', '-1.60 s (-80.0%)']);
  expect(row('timeout')).toEqual(['timeout', '2', '0', '-2 (-100.0%)']);
  expect(row('completed share')).toEqual(['completed share', '90.0%', '100.0%', '+10.0 pp']);
  expect(row('users')).toEqual(['users', '20', '20', '0 (0.0%)']);
  expect(row('poll_ms p50')).toEqual(['poll_ms p50', '-', '-', '-']);
  expect(row('verdict')).toEqual(['verdict', 'failed', 'passed', 'failed -> passed']);
  expect(row('enqueue_p95_ms (< 1.50 s)')).toEqual([
    'enqueue_p95_ms (< 1.50 s)',
    '2.00 s FAIL',
    '400 ms pass',
    'now passing',
  ]);
  expect(row('completed_ratio (>= 95.0%)')).toEqual([
    'completed_ratio (>= 95.0%)',
    '90.0% FAIL',
    '100.0% pass',
    'now passing',
  ]);
  expect(row('unsupported_parameter (<= 1 occurrence)')).toEqual([
    'unsupported_parameter (<= 1 occurrence)',
    '0 pass',
    '0 pass',
    'same',
  ]);
  const widths = new Set(lines.map((line) => line.length));
  expect(Math.max(...widths)).toBeLessThanOrEqual(100);
});

test('shows a missing verdict as "-" for results saved without one', () => {
  const bare = runResults(usersWith(3, 'completed'));
  expect(diffResults(bare, after).verdict).toEqual({ before: '-', after: 'passed' });
  expect(diffResults(bare, after).criteria[0].before).toBeNull();
});

test('shows a relative change of "-" when the figure was zero before', () => {
  const diff = diffResults(after, before);
  expect(diff.figures.find((entry) => entry.name === 'timeout')).toMatchObject({
    change: 2,
    change_pct: null,
  });
  expect(compareResults(after, before)).toMatch(/\ntimeout +0 +2 +\+2\n/);
});

test('recognises a results file by its format and main blocks', () => {
  expect(isRunResults(after)).toBe(true);
  expect(isRunResults({ ...after, format: 'other/1' })).toBe(false);
  expect(isRunResults({ format: 'theory-load-results/1' })).toBe(false);
  expect(isRunResults([])).toBe(false);
  expect(isRunResults(null)).toBe(false);
});
