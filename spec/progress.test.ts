import { expect, test } from '@playwright/test';

import { computeProgress } from '../src/progress';
import { deepFreeze } from './helpers/records';

import type { ProgressUser } from '../src/progress';

const NOW_MS = 1_000_000;

function user(overrides: Partial<ProgressUser>): ProgressUser {
  return {
    outcome: null,
    enqueue_ms: null,
    actual_start_ms: null,
    deadline_ms: NOW_MS,
    ...overrides,
  };
}

test('counts started, in-flight and finished users by outcome', () => {
  const users = deepFreeze([
    user({ actual_start_ms: 1, outcome: 'completed', enqueue_ms: 100 }),
    user({ actual_start_ms: 2, outcome: 'failed', enqueue_ms: 200 }),
    user({ actual_start_ms: 3, outcome: 'timeout', enqueue_ms: 300 }),
    user({ actual_start_ms: 4, outcome: 'enqueue_failed' }),
    user({ actual_start_ms: 5, enqueue_ms: 400, deadline_ms: NOW_MS + 90_000 }),
    user({ deadline_ms: NOW_MS + 120_500 }),
  ]);

  expect(computeProgress(users, NOW_MS)).toEqual({
    users: 6,
    started: 5,
    in_flight: 1,
    completed: 1,
    failed: 1,
    timed_out: 1,
    other: 1,
    enqueue_p95_ms: 385,
    seconds_left_until_last_deadline: 120.5,
  });
});

test('takes the enqueue p95 by linear interpolation, as the results JSON does', () => {
  const users = deepFreeze(
    Array.from({ length: 100 }, (_, index) => user({ enqueue_ms: 100 - index })),
  );

  expect(computeProgress(users, NOW_MS).enqueue_p95_ms).toBeCloseTo(95.05, 10);
});

test('reports no p95 and no time left when nothing has started and nothing waits', () => {
  expect(computeProgress([], NOW_MS)).toEqual({
    users: 0,
    started: 0,
    in_flight: 0,
    completed: 0,
    failed: 0,
    timed_out: 0,
    other: 0,
    enqueue_p95_ms: null,
    seconds_left_until_last_deadline: 0,
  });
});

test('ignores the deadlines of finished users and never counts below zero seconds', () => {
  const users = deepFreeze([
    user({ actual_start_ms: 1, outcome: 'completed', deadline_ms: NOW_MS + 999_000 }),
    user({ actual_start_ms: 1, deadline_ms: NOW_MS - 5_000 }),
  ]);

  expect(computeProgress(users, NOW_MS).seconds_left_until_last_deadline).toBe(0);
});
