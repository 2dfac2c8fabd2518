// The runbook's fourth criterion in detail: where `unsupported_parameter` showed up and with
// which messages. The messages are model-provider texts relayed by the backend: escaped.
import { escapeHtml } from './escape';
import { formatCount } from '../../format';
import { renderTable } from './table';

import type { UnsupportedReport } from '../../records';

/** Counts and the distinct messages; one line when nothing was found. */
export function renderUnsupportedReport(report: UnsupportedReport): string {
  const scanned =
    report.log_patterns.length > 0
      ? `backend logs scanned: ${report.log_patterns.join(' ')}`
      : 'backend logs not scanned (set LOAD_BACKEND_LOGS)';
  const summary =
    `<p class="muted unsupported">unsupported_parameter: ${formatCount(report.total)} ` +
    `(${formatCount(report.in_tasks)} in failed tasks, ${formatCount(report.in_logs)} in logs); ` +
    `${escapeHtml(scanned)}</p>`;
  if (report.messages.length === 0) return summary;

  const rows = report.messages.map((entry) => [
    entry.message,
    entry.form,
    entry.param ?? '–',
    formatCount(entry.count),
    entry.task_ids.join(' '),
  ]);
  const columns = [
    { label: 'message' },
    { label: 'form' },
    { label: 'parameter' },
    { label: 'count', numeric: true },
    { label: 'first tasks' },
  ];
  return summary + renderTable(columns, rows, 'unsupported-messages');
}
