// The runbook's four acceptance criteria (section 4), each measured on a run's results. Shares
// are over users, as the runbook's script counts them.
import { formatMs, formatPercent, plural } from './format';

import type { CriterionResult, RunResults, UnsupportedReport } from '../records';

export const CRITERION = Object.freeze({
  enqueueP95: 'enqueue_p95_ms',
  completed: 'completed_ratio',
  failedTimeout: 'failed_timeout_ratio',
  unsupported: 'unsupported_parameter',
});

/** Enqueue p95 must stay strictly below the bound. */
export function enqueueP95Criterion(results: RunResults, maxMs: number): CriterionResult {
  const p95Ms = results.enqueue_ms.p95;
  const bound = `< ${formatMs(maxMs)}`;
  if (p95Ms === null) {
    return measured(CRITERION.enqueueP95, null, bound, false, 'no enqueue was answered');
  }
  const detail = `p95 of ${plural(results.enqueue_ms.count, 'answered enqueue')}`;
  return measured(CRITERION.enqueueP95, p95Ms, bound, p95Ms < maxMs, detail);
}

/** The share of users that ended `completed` must reach the bound. */
export function completedCriterion(results: RunResults, minRatio: number): CriterionResult {
  const completed = results.status_counts.completed;
  const bound = `>= ${formatPercent(minRatio)}`;
  if (results.users === 0) return measured(CRITERION.completed, null, bound, false, 'no users');
  const ratio = completed / results.users;
  const detail = `${completed} of ${plural(results.users, 'user')} completed`;
  return measured(CRITERION.completed, ratio, bound, ratio >= minRatio, detail);
}

/** The share of users that ended `failed` or `timeout` must not pass the bound. */
export function failedTimeoutCriterion(results: RunResults, maxRatio: number): CriterionResult {
  const { failed, timeout } = results.status_counts;
  const bound = `<= ${formatPercent(maxRatio)}`;
  if (results.users === 0) {
    return measured(CRITERION.failedTimeout, null, bound, false, 'no users');
  }
  const ratio = (failed + timeout) / results.users;
  const detail = `${failed} failed + ${timeout} timeout of ${plural(results.users, 'user')}`;
  return measured(CRITERION.failedTimeout, ratio, bound, ratio <= maxRatio, detail);
}

/** No recurring unsupported_parameter: at most `maxCount` occurrences in tasks and logs. */
export function unsupportedCriterion(report: UnsupportedReport, maxCount: number): CriterionResult {
  const bound = `<= ${plural(maxCount, 'occurrence')}`;
  const logs =
    report.log_patterns.length === 0
      ? 'backend logs not scanned (LOAD_BACKEND_LOGS unset)'
      : `${report.in_logs} in backend logs`;
  const detail = `${report.in_tasks} in failed tasks, ${logs}`;
  return measured(CRITERION.unsupported, report.total, bound, report.total <= maxCount, detail);
}

function measured(
  name: string,
  value: number | null,
  bound: string,
  passed: boolean,
  detail: string,
): CriterionResult {
  return { name, value, bound, passed, detail };
}
