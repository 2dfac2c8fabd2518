import { expect, test } from '@playwright/test';

import { shouldAbort } from '../../src/judge/abort';

import type { Outcome } from '../../src/records';

const outcomes = (counts: Partial<Record<Outcome, number>>): Outcome[] =>
  Object.freeze(
    Object.entries(counts).flatMap(([outcome, count]) =>
      Array<Outcome>(count).fill(outcome as Outcome),
    ),
  ) as Outcome[];

const settings = (ratio: number | null, minUsers = 10) =>
  Object.freeze({ abortFailureRatio: ratio, abortMinUsers: minUsers });

test('never aborts when LOAD_ABORT_FAILURE_RATIO is unset, however bad the run', () => {
  expect(shouldAbort(outcomes({ enqueue_failed: 100 }), settings(null))).toEqual({ abort: false });
});

test('waits until LOAD_ABORT_MIN_USERS users have finished', () => {
  expect(shouldAbort(outcomes({ exception: 9 }), settings(0.5))).toEqual({ abort: false });
  expect(shouldAbort(outcomes({ exception: 10 }), settings(0.5)).abort).toBe(true);
});

test('aborts only when the share is above the ratio, not at it', () => {
  const atRatio = outcomes({ enqueue_failed: 3, status_failed: 1, exception: 1, completed: 5 });
  expect(shouldAbort(atRatio, settings(0.5))).toEqual({ abort: false });
  const above = outcomes({ enqueue_failed: 4, status_failed: 1, exception: 1, completed: 4 });
  expect(shouldAbort(above, settings(0.5))).toEqual({
    abort: true,
    reason:
      '6 of 10 finished users failed to enqueue or poll (60.0% > LOAD_ABORT_FAILURE_RATIO 50.0%)',
  });
});

test('does not count failed or timed-out pipelines: the backend answered, it was just slow', () => {
  expect(shouldAbort(outcomes({ failed: 6, timeout: 4 }), settings(0))).toEqual({ abort: false });
});

test('aborts on the first broken user after the minimum when the ratio is 0', () => {
  expect(shouldAbort(outcomes({ completed: 9, exception: 1 }), settings(0)).abort).toBe(true);
});

test('leaves unfinished and not-started users out of both the count and the share', () => {
  const run = outcomes({ exception: 5, unfinished: 20, not_started: 20 });
  expect(shouldAbort(run, settings(0.5))).toEqual({ abort: false });
  expect(shouldAbort(run, settings(0.5, 5)).abort).toBe(true);
});
