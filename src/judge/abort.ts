// Abort on failure: a load test must not keep hammering a backend that is already down.
import { formatCount, formatPercent } from '../format';

import type { JudgeSettings } from './settings';
import type { Outcome } from '../records';

/** Outcomes that say the backend (or the way to it) is failing, not that a pipeline was slow. */
const BROKEN_OUTCOMES: ReadonlySet<Outcome> = new Set([
  'enqueue_failed',
  'status_failed',
  'exception',
]);
// Users that never reached an outcome are not finished and must not dilute the share.
const UNFINISHED_OUTCOMES: ReadonlySet<Outcome> = new Set(['unfinished', 'not_started']);

export interface AbortDecision {
  abort: boolean;
  reason?: string;
}

/**
 * Whether to stop starting users: LOAD_ABORT_FAILURE_RATIO is set, at least
 * LOAD_ABORT_MIN_USERS users have finished, and the share of enqueue_failed, status_failed and
 * exception among them is above the ratio.
 */
export function shouldAbort(
  outcomes: readonly Outcome[],
  settings: Pick<JudgeSettings, 'abortFailureRatio' | 'abortMinUsers'>,
): AbortDecision {
  const ratio = settings.abortFailureRatio;
  if (ratio === null) return { abort: false };

  const finished = outcomes.filter((outcome) => !UNFINISHED_OUTCOMES.has(outcome));
  if (finished.length < settings.abortMinUsers) return { abort: false };
  const broken = finished.filter((outcome) => BROKEN_OUTCOMES.has(outcome)).length;
  const share = broken / finished.length;
  if (share <= ratio) return { abort: false };

  const brokenOfFinished = `${formatCount(broken)} of ${formatCount(finished.length)}`;
  return {
    abort: true,
    reason:
      `${brokenOfFinished} finished users failed to enqueue or poll ` +
      `(${formatPercent(share)} > LOAD_ABORT_FAILURE_RATIO ${formatPercent(ratio)})`,
  };
}
