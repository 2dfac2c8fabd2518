// The runbook's four acceptance criteria (section 4), each measured on a run's results. Shares
// are over users, as the runbook's script counts them.
import { formatCount, formatMs, formatPercent, NO_VALUE, plural } from '../format';

import type { CriterionResult, RunResults, UnsupportedReport } from '../records';

const CRITERION = Object.freeze({
  enqueueP95: 'enqueue_p95_ms',
  completed: 'completed_ratio',
  failedTimeout: 'failed_timeout_ratio',
  unsupported: 'unsupported_parameter',
});

/**
 * A criterion's measured value as people read it. The name carries the unit: `_ms` is a
 * latency, `_ratio` a share of users, anything else a count. "n/a" when nothing was measured.
 */
export function formatCriterionValue(criterion: Pick<CriterionResult, 'name' | 'value'>): string {
  if (criterion.value === null) return NO_VALUE;
  if (criterion.name.endsWith('_ms')) return formatMs(criterion.value);
  if (criterion.name.endsWith('_ratio')) return formatPercent(criterion.value);
  return formatCount(criterion.value);
}

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
  const detail = `${formatCount(completed)} of ${plural(results.users, 'user')} completed`;
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
  const users = plural(results.users, 'user');
  const detail = `${formatCount(failed)} failed + ${formatCount(timeout)} timeout of ${users}`;
  return measured(CRITERION.failedTimeout, ratio, bound, ratio <= maxRatio, detail);
}

/** No recurring unsupported_parameter: at most `maxCount` occurrences in tasks and logs. */
export function unsupportedCriterion(report: UnsupportedReport, maxCount: number): CriterionResult {
  const bound = `<= ${plural(maxCount, 'occurrence')}`;
  const logs =
    report.log_patterns.length === 0
      ? 'backend logs not scanned (LOAD_BACKEND_LOGS unset)'
      : `${formatCount(report.in_logs)} in backend logs`;
  const detail = `${formatCount(report.in_tasks)} in failed tasks, ${logs}`;
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
