// The verdict banner: the first thing on the page, because "did it pass?" is the first question.
import { escapeHtml } from './escape';
import { renderTable } from './table';

import type { Verdict } from '../../records';

type VerdictState = 'passed' | 'failed' | 'not-judged';

/** What the banner says: a run without a verdict, or one that could not be judged, says so. */
export function verdictState(verdict: Verdict | undefined): VerdictState {
  if (verdict === undefined || !verdict.judged || verdict.passed === null) return 'not-judged';
  return verdict.passed ? 'passed' : 'failed';
}

const HEADLINES: Record<VerdictState, string> = {
  passed: 'PASSED: the run meets the acceptance criteria',
  failed: 'FAILED: the run misses the acceptance criteria',
  'not-judged': 'NOT JUDGED: these results carry no verdict',
};

/** The banner, the reason, one row per criterion and the verdict's warnings. */
export function renderVerdictSection(verdict: Verdict | undefined): string {
  const state = verdictState(verdict);
  const reason = verdict?.reason ? `<p>${escapeHtml(verdict.reason)}</p>` : '';
  const banner = `<div class="verdict verdict-${state}"><strong>${HEADLINES[state]}</strong>${reason}</div>`;
  if (verdict === undefined) return banner;

  const criteria =
    verdict.criteria.length === 0
      ? ''
      : renderTable(
          [
            { label: 'criterion' },
            { label: 'value', numeric: true },
            { label: 'bound' },
            { label: 'result' },
          ],
          verdict.criteria.map((criterion) => [
            criterion.detail ? `${criterion.name} (${criterion.detail})` : criterion.name,
            criterion.value === null ? '–' : formatCriterionValue(criterion.value),
            criterion.bound,
            criterion.passed === null ? 'not judged' : criterion.passed ? 'pass' : 'FAIL',
          ]),
          'criteria',
        );
  const warnings =
    verdict.warnings.length === 0
      ? ''
      : `<ul class="warnings">${verdict.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  return banner + criteria + warnings;
}

// Criterion values are ratios (0.97) or milliseconds (1234.5678): a few digits say enough.
function formatCriterionValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
