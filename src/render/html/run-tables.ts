// The figure tables of the summary: outcomes, latency percentiles and the per-project split.
import { escapeHtml } from './escape';
import { formatCount, formatMs, formatShare } from '../../format';
import { renderSwatch } from './outcome-colors';
import { renderTable, trusted } from './table';
import { OUTCOMES } from '../../records';

import type { LatencyStats, Outcome, RunResults, StatusCounts } from '../../records';

// The runbook's own three always show, even at zero: "0 timeouts" is a finding.
const ALWAYS_SHOWN: readonly Outcome[] = ['completed', 'failed', 'timeout'];

/** Outcomes worth a row: the runbook's three and any other that occurred, in OUTCOMES order. */
function visibleOutcomes(counts: StatusCounts): Outcome[] {
  return OUTCOMES.filter((outcome) => ALWAYS_SHOWN.includes(outcome) || counts[outcome] > 0);
}

/** Users per outcome with their share of all users, and a total row that must equal `users`. */
export function renderStatusTable(results: RunResults): string {
  const counts = results.status_counts;
  const total = OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
  const rows = visibleOutcomes(counts).map((outcome) => [
    trusted(`${renderSwatch(outcome)}<code>${outcome}</code>`),
    formatCount(counts[outcome]),
    formatShare(counts[outcome], total),
  ]);
  rows.push([trusted('<strong>all users</strong>'), formatCount(total), formatShare(total, total)]);
  return renderTable(
    [{ label: 'outcome' }, { label: 'users', numeric: true }, { label: 'share', numeric: true }],
    rows,
    'status-counts',
  );
}

/** count, min, avg and p50 to max for enqueue, total, poll and schedule lag. */
export function renderLatencyTable(results: RunResults): string {
  const blocks: Array<[string, LatencyStats]> = [
    ['enqueue (POST answer)', results.enqueue_ms],
    ['total (start to outcome)', results.total_ms],
    ['poll (answered)', results.poll_ms],
    ['schedule lag', results.schedule_lag_ms],
  ];
  const figures = ['min', 'avg', 'p50', 'p90', 'p95', 'p99', 'max'] as const;
  const rows = blocks.map(([label, stats]) => [
    label,
    formatCount(stats.count),
    ...figures.map((figure) => formatMs(stats[figure])),
  ]);
  return renderTable(
    [
      { label: 'latency' },
      { label: 'count', numeric: true },
      ...figures.map((figure) => ({ label: figure, numeric: true })),
    ],
    rows,
    'latency-percentiles',
  );
}

/** One row per project: users, the runbook's outcomes, everything else, and two p95s. */
export function renderProjectTable(results: RunResults): string {
  const rows = results.per_project.map((project) => {
    const counts = project.status_counts;
    const other = project.users - counts.completed - counts.failed - counts.timeout;
    return [
      trusted(`<code>${escapeHtml(project.project_id)}</code>`),
      formatCount(project.users),
      formatCount(counts.completed),
      formatCount(counts.failed),
      formatCount(counts.timeout),
      formatCount(other),
      formatMs(project.enqueue_ms.p95),
      formatMs(project.total_ms.p95),
    ];
  });
  return renderTable(
    [
      { label: 'project' },
      ...['users', 'completed', 'failed', 'timeout', 'other', 'enqueue p95', 'total p95'].map(
        (label) => ({ label, numeric: true }),
      ),
    ],
    rows,
    'per-project',
  );
}
