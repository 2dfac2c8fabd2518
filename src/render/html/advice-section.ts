// The tuning advice: each rule's message, the settings to change with their next values, and
// the evidence that triggered it, so an operator can judge the advice before applying it.
import { escapeHtml } from './escape';

import type { Advice } from '../../records';

/** The advice list; a line saying there is none, or that the run was not advised at all. */
export function renderAdviceSection(advice: readonly Advice[] | undefined): string {
  if (advice === undefined) return '<p class="muted">These results carry no tuning advice.</p>';
  if (advice.length === 0) return '<p>No tuning advice: no rule fired for this run.</p>';

  const items = advice.map((entry) => {
    const changes = Object.entries(entry.changes).map(
      ([setting, value]) => `<li><code>${escapeHtml(setting)}=${escapeHtml(value)}</code></li>`,
    );
    const evidence = entry.evidence.map((line) => `<li>${escapeHtml(line)}</li>`);
    return (
      `<li class="advice-item"><p><strong>${escapeHtml(entry.rule)}</strong>: ` +
      `${escapeHtml(entry.message)}</p>` +
      (changes.length ? `<ul class="changes">${changes.join('')}</ul>` : '') +
      (evidence.length ? `<p class="muted">Evidence:</p><ul>${evidence.join('')}</ul>` : '') +
      `</li>`
    );
  });
  return `<ol class="advice">${items.join('')}</ol>`;
}
