// Tuning advice for a run: the runbook's rules first, then the contract's traps that showed.
import {
  canceledAdvice,
  celeryPendingAdvice,
  reusedTaskAdvice,
  staleLockAdvice,
  unsupportedAdvice,
} from './advice-traps';
import { databaseAdvice, rateLimitAdvice, timeoutAdvice } from './advice-runbook';
import { JUDGE_DEFAULTS } from './defaults';
import { mergeScans, scanFailedTasks } from './unsupported-scan';

import type { BackendProfile } from './backend-profile';
import type { UnsupportedScan } from './unsupported-scan';
import type { Advice, RunResults } from '../records';

export interface AdviceOptions {
  /** Enqueue p95 at or above this is "high" for the database rule; the criterion's bound. */
  maxEnqueueP95Ms: number;
}

/**
 * Advice driven by what the run measured, each citing its evidence. `logScan` is the backend
 * log scan (EMPTY_SCAN without LOAD_BACKEND_LOGS); failed tasks are scanned here. An empty list
 * means nothing in the data called for a change.
 */
export function adviseRun(
  results: RunResults,
  profile: BackendProfile,
  logScan: UnsupportedScan,
  options: Partial<AdviceOptions> = {},
): Advice[] {
  const maxEnqueueP95Ms = options.maxEnqueueP95Ms ?? JUDGE_DEFAULTS.maxEnqueueP95Ms;
  const unsupported = mergeScans(scanFailedTasks(results.runs), logScan);

  const candidates = [
    timeoutAdvice(results, profile),
    databaseAdvice(results, profile, maxEnqueueP95Ms),
    rateLimitAdvice(results, profile, unsupported.total),
    celeryPendingAdvice(results),
    staleLockAdvice(results),
    canceledAdvice(results),
    reusedTaskAdvice(results),
    unsupportedAdvice(unsupported),
  ];
  return candidates.filter((advice) => advice !== null);
}
