// The verdict banner: the first thing on the page, because "did it pass?" is the first question.
import { formatCriterionValue } from '../../judge/criteria';
import { verdictState } from '../../judge/verdict';
import { escapeHtml } from './escape';
import { renderTable } from './table';
import { renderUnsupportedReport } from './unsupported-report';

import type { VerdictState } from '../../judge/verdict';
import type { Verdict } from '../../records';

const HEADLINES: Record<VerdictState, string> = {
  passed: 'PASSED: the run meets the acceptance criteria',
  failed: 'FAILED: the run misses the acceptance criteria',
  deferred: 'DEFERRED: one shard of a sharded run; the merge judges the whole run',
  'not-judged': 'NOT JUDGED',
};

/** The banner, the reason, one row per criterion and the verdict's warnings. */
export function renderVerdictSection(verdict: Verdict | undefined): string {
  const state = verdictState(verdict);
  const reasonText = verdict === undefined ? 'These results carry no verdict.' : verdict.reason;
  const reason = reasonText ? `<p>${escapeHtml(reasonText)}</p>` : '';
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
            { label: 'detail' },
          ],
          verdict.criteria.map((criterion) => [
            criterion.name,
            formatCriterionValue(criterion),
            criterion.bound,
            criterion.passed === null ? 'not judged' : criterion.passed ? 'pass' : 'FAIL',
            criterion.detail ?? '',
          ]),
          'criteria',
        );
  const warnings =
    verdict.warnings.length === 0
      ? ''
      : `<ul class="warnings">${verdict.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  return (
    banner +
    criteria +
    warnings +
    (verdict.unsupported ? renderUnsupportedReport(verdict.unsupported) : '')
  );
}
