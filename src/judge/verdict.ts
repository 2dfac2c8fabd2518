// The verdict on a run: the four criteria, or why the run cannot be judged. Pure, so a run, a
// shard, a merge and a comparison of saved results all judge the same way.
import { formatPercent, plural } from '../format';
import {
  completedCriterion,
  enqueueP95Criterion,
  failedTimeoutCriterion,
  unsupportedCriterion,
} from './criteria';
import { mergeScans, scanFailedTasks } from './unsupported-scan';

import type { JudgeSettings } from './settings';
import type { UnsupportedScan } from './unsupported-scan';
import type { CriterionResult, RunResults, UnsupportedReport, Verdict } from '../records';

type VerdictSettings = Pick<
  JudgeSettings,
  | 'maxEnqueueP95Ms'
  | 'minCompletedRatio'
  | 'maxFailedTimeoutRatio'
  | 'unsupportedMax'
  | 'backendLogs'
>;

/**
 * Judges a run against the runbook's criteria.
 *
 * `logScan` is the scan of the backend logs (EMPTY_SCAN when LOAD_BACKEND_LOGS is unset); the
 * failed tasks' errors are scanned here. An interrupted or aborted run, one where no user
 * finished, and a single shard of a sharded run are not judged: every criterion is still
 * measured, with `passed: null`.
 */
export function judgeRun(
  results: RunResults,
  settings: VerdictSettings,
  logScan: UnsupportedScan,
): Verdict {
  const unsupported = unsupportedReport(results, settings.backendLogs, logScan);
  const criteria = [
    enqueueP95Criterion(results, settings.maxEnqueueP95Ms),
    completedCriterion(results, settings.minCompletedRatio),
    failedTimeoutCriterion(results, settings.maxFailedTimeoutRatio),
    unsupportedCriterion(unsupported, settings.unsupportedMax),
  ];
  const warnings = runWarnings(results);

  const reason = unjudgeableReason(results);
  const shard = results.shard;
  if (reason !== null || isSingleShard(results)) {
    const why = reason ?? `shard ${shard?.current} of ${shard?.total}: the merge judges the run`;
    return {
      passed: null,
      judged: false,
      // Harness trouble is not deferred: the shard itself failed.
      deferred: reason === null,
      reason: why,
      criteria: criteria.map((criterion) => notJudged(criterion, why)),
      warnings,
      unsupported,
    };
  }

  const passed = criteria.every((criterion) => criterion.passed === true);
  return { passed, judged: true, deferred: false, reason: null, criteria, warnings, unsupported };
}

export type VerdictState = 'passed' | 'failed' | 'deferred' | 'not-judged';

/**
 * The verdict in one word, as every output names it. A shard of a sharded run defers to the
 * merge; a run without a verdict, or one that could not be judged, is `not-judged` rather than
 * looking like a pass.
 */
export function verdictState(verdict: Verdict | undefined): VerdictState {
  if (verdict?.deferred) return 'deferred';
  if (verdict === undefined || !verdict.judged || verdict.passed === null) return 'not-judged';
  return verdict.passed ? 'passed' : 'failed';
}

/** Why the run cannot be judged at all, or null. Harness trouble comes before the shard rule. */
function unjudgeableReason(results: RunResults): string | null {
  if (results.interrupted) return 'the run was interrupted';
  if (results.aborted) return 'the run was aborted after too many failures';
  const { completed, failed, timeout } = results.status_counts;
  if (completed + failed + timeout === 0 && !isSingleShard(results)) {
    return 'no user finished (none completed, failed or timed out)';
  }
  return null;
}

function isSingleShard(results: RunResults): boolean {
  return results.shard !== null && results.shard.total > 1;
}

function unsupportedReport(
  results: RunResults,
  logPatterns: readonly string[],
  logScan: UnsupportedScan,
): UnsupportedReport {
  const inTasks = scanFailedTasks(results.runs);
  const both = mergeScans(inTasks, logScan);
  return {
    total: both.total,
    in_tasks: inTasks.total,
    in_logs: logScan.total,
    log_patterns: [...logPatterns],
    messages: both.messages,
  };
}

function runWarnings(results: RunResults): string[] {
  const warnings: string[] = [];
  if (results.reused_users > 0) {
    const completedShare =
      results.users === 0 ? 0 : results.status_counts.completed / results.users;
    warnings.push(
      `${plural(results.reused_users, 'user')} shared another user's task: only ` +
        `${plural(results.distinct_tasks, 'distinct pipeline')} ran for ` +
        `${plural(results.users, 'user')}, so the completed share ` +
        `(${formatPercent(completedShare)}) overstates the backend's capacity`,
    );
  }
  for (const partialReason of results.partial_reasons) {
    warnings.push(`partial results: ${partialReason}`);
  }
  return warnings;
}

function notJudged(criterion: CriterionResult, why: string): CriterionResult {
  return { ...criterion, passed: null, detail: `${criterion.detail}; not judged: ${why}` };
}
