// The errors list. Its texts come from the server and the network stack, so each one is
// escaped and shown in a preformatted cell: a hostile or multi-line message stays inert text.
import { formatCount } from '../../format';
import { renderTable, trusted } from './table';
import { escapeHtml } from './escape';

import type { RunResults } from '../../records';

/** The first errors as the results JSON kept them, with how many users did not complete. */
export function renderErrorsSection(results: RunResults): string {
  if (results.errors.length === 0) return '<p>No errors: every user completed.</p>';

  const notCompleted = results.users - results.status_counts.completed;
  const note =
    notCompleted > results.errors.length
      ? `<p class="muted">The first ${formatCount(results.errors.length)} of ` +
        `${formatCount(notCompleted)} users that did not complete.</p>`
      : '';
  const rows = results.errors.map((entry) => [
    String(entry.user),
    trusted(`<code>${escapeHtml(entry.status)}</code>`),
    entry.http_status === null ? '–' : String(entry.http_status),
    entry.task_id ?? '–',
    trusted(`<pre>${escapeHtml(entry.error ?? '')}</pre>`),
  ]);
  return (
    note +
    renderTable(
      [
        { label: 'user', numeric: true },
        { label: 'outcome' },
        { label: 'HTTP', numeric: true },
        { label: 'task' },
        { label: 'error' },
      ],
      rows,
      'errors',
    )
  );
}
