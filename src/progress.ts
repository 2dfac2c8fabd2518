// Where a running load test stands, computed from the user records as they are being built.
// Pure: the reporter feeds whatever it has, this returns the counts a progress line shows.
import { summarizeMs } from './stats';

import type { Outcome } from './records';

/** What progress needs to know of one user, finished or not. */
export interface ProgressUser {
  /** null while the user is still waiting (or has not started). */
  outcome: Outcome | null;
  /** Duration of the answered enqueue POST; null before it was answered. */
  enqueue_ms: number | null;
  /** Epoch ms; null until the user really started. */
  actual_start_ms: number | null;
  /** Epoch ms after which the user gives up: scheduled start plus the pipeline timeout. */
  deadline_ms: number;
}

export interface ProgressSnapshot {
  /** Users known to the run, started or not. */
  users: number;
  started: number;
  in_flight: number;
  completed: number;
  failed: number;
  timed_out: number;
  /** Finished any other way: enqueue or status errors, exceptions, unfinished, not started. */
  other: number;
  /** p95 of the enqueue answers so far, taken as the results JSON takes it; null before any. */
  enqueue_p95_ms: number | null;
  /** Until the latest deadline of a user still running or yet to start; 0 when all are done. */
  seconds_left_until_last_deadline: number;
}

/**
 * Counts users by state and takes the enqueue p95 at `nowMs`.
 *
 * A user with an outcome is finished whatever its timestamps say; one without an outcome is in
 * flight once it has an actual start, and waiting before that.
 *
 * Complexity: O(n log n) for the p95 sort; the input is not mutated.
 *
 * @example
 * const running = { outcome: null, enqueue_ms: 120, actual_start_ms: 0, deadline_ms: 60_000 };
 * computeProgress([running], 30_000);
 * // => { users: 1, started: 1, in_flight: 1, ..., enqueue_p95_ms: 120,
 * //      seconds_left_until_last_deadline: 30 }
 */
export function computeProgress(users: readonly ProgressUser[], nowMs: number): ProgressSnapshot {
  const snapshot: ProgressSnapshot = {
    users: users.length,
    started: 0,
    in_flight: 0,
    completed: 0,
    failed: 0,
    timed_out: 0,
    other: 0,
    enqueue_p95_ms: null,
    seconds_left_until_last_deadline: 0,
  };
  const enqueueMs: number[] = [];
  let lastDeadlineMs = -Infinity;

  for (const user of users) {
    if (user.actual_start_ms !== null) snapshot.started += 1;
    if (user.enqueue_ms !== null) enqueueMs.push(user.enqueue_ms);
    if (user.outcome === null) {
      if (user.actual_start_ms !== null) snapshot.in_flight += 1;
      lastDeadlineMs = Math.max(lastDeadlineMs, user.deadline_ms);
    } else {
      countOutcome(snapshot, user.outcome);
    }
  }

  // The results JSON's own summary, so the last line agrees with the final figure.
  snapshot.enqueue_p95_ms = summarizeMs(enqueueMs).p95;
  snapshot.seconds_left_until_last_deadline = Math.max(0, (lastDeadlineMs - nowMs) / 1000);
  return snapshot;
}

function countOutcome(snapshot: ProgressSnapshot, outcome: Outcome): void {
  if (outcome === 'completed') snapshot.completed += 1;
  else if (outcome === 'failed') snapshot.failed += 1;
  else if (outcome === 'timeout') snapshot.timed_out += 1;
  else snapshot.other += 1;
}
