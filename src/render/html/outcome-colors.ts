// One colour per outcome, shared by the scatter, its legend and the status table, so a red dot
// and a red row always mean the same thing. Picked to stay apart for common colour blindness:
// success is blue rather than green, and the failure shades differ in lightness too.
import { escapeHtml } from './escape';

import type { Outcome } from '../../records';

export const OUTCOME_COLORS: Record<Outcome, string> = {
  completed: '#2b6cb0',
  failed: '#c53030',
  timeout: '#dd6b20',
  enqueue_failed: '#805ad5',
  enqueue_invalid: '#d53f8c',
  status_failed: '#975a16',
  exception: '#1a202c',
  unfinished: '#718096',
  not_started: '#cbd5e0',
};

/** A small coloured square for tables and legends. */
export function renderSwatch(outcome: Outcome): string {
  return `<span class="swatch" style="background:${OUTCOME_COLORS[outcome]}"></span>`;
}

/** A legend line for the outcomes that actually appear, in the order given. */
export function renderOutcomeLegend(outcomes: readonly Outcome[]): string {
  const items = outcomes.map(
    (outcome) => `<li>${renderSwatch(outcome)}${escapeHtml(outcome)}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}
