// Abort on failure across the workers of one run: before a user starts, the gate looks at the
// outcomes every load test has published in its progress file and asks shouldAbort. Once it
// says stop, it stays stopped. Each shard of a multi-machine run decides on its own users.
import { shouldAbort } from './judge/abort';
import { readProgress } from './progress-file';

import type { JudgeSettings } from './judge/settings';
import type { Outcome, UserRecord } from './records';

/** Re-reading the progress files for every user start would be wasteful; they change per second. */
const RECHECK_MS = 250;

export interface AbortGate {
  /** Why users must no longer start, or null while they may; looks at the progress files. */
  reason(): string | null;
  /** Why the gate closed, or null if it never did; no new look. */
  closedBecause(): string | null;
}

export function createAbortGate(
  settings: Pick<JudgeSettings, 'abortFailureRatio' | 'abortMinUsers'>,
  progressDir: string | undefined,
  ownRecords: readonly UserRecord[],
  nowMs: () => number = Date.now,
): AbortGate {
  let stopped: string | null = null;
  let checkedAtMs = -Infinity;
  return {
    reason() {
      if (stopped !== null || settings.abortFailureRatio === null) return stopped;
      if (nowMs() - checkedAtMs < RECHECK_MS) return null;
      checkedAtMs = nowMs();
      const decision = shouldAbort(finishedOutcomes(progressDir, ownRecords), settings);
      if (decision.abort) stopped = `aborted: ${decision.reason}`;
      return stopped;
    },
    closedBecause: () => stopped,
  };
}

function finishedOutcomes(dir: string | undefined, ownRecords: readonly UserRecord[]): Outcome[] {
  // The progress folder holds every test's users, this one's included (up to a second old).
  const published = dir === undefined ? [] : readProgress(dir);
  if (published.length === 0) return ownRecords.map((record) => record.outcome);
  return published.flatMap((user) => (user.outcome === null ? [] : [user.outcome]));
}
