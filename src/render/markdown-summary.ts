// The run summary for GitHub's job summary page (GITHUB_STEP_SUMMARY): verdict first, then the
// headline figures and the tuning advice. Pure: results in, Markdown out; the caller appends it.
import { formatCount, formatMs, formatShare } from '../format';
import { formatCriterionValue } from '../judge/criteria';
import { verdictState } from '../judge/verdict';

import type { LatencyStats, RunResults } from '../records';

const HEADINGS = {
  passed: '✅ theory-load: PASSED',
  failed: '❌ theory-load: FAILED',
  deferred: '⏩ theory-load: deferred to the merge',
  'not-judged': '⚪ theory-load: not judged',
} as const;

/**
 * A short Markdown report. Text from the results (reasons, advice, error-free by design but
 * written by other code) is made inert: no table breaks, no raw HTML, no line breaks in cells.
 */
export function renderMarkdownSummary(results: RunResults): string {
  const lines = [`## ${HEADINGS[verdictState(results.verdict)]}`, ''];
  if (results.verdict === undefined) lines.push('These results carry no verdict.', '');
  if (results.verdict?.reason) lines.push(inline(results.verdict.reason), '');
  if (results.partial || results.interrupted) {
    const reasons = results.partial_reasons.map(inline).join(' ');
    lines.push(`> **Partial run:** ${reasons || 'some users did not finish.'}`, '');
  }

  lines.push(...headlineTable(results), '');
  if (results.verdict && results.verdict.criteria.length > 0) {
    lines.push('### Criteria', '', '| criterion | value | bound | result |', '|---|---:|---|---|');
    for (const criterion of results.verdict.criteria) {
      const value = formatCriterionValue(criterion);
      const result =
        criterion.passed === null ? 'not judged' : criterion.passed ? 'pass' : '**FAIL**';
      lines.push(
        `| ${inline(criterion.name)} | ${value} | ${inline(criterion.bound)} | ${result} |`,
      );
    }
    lines.push('');
  }
  for (const warning of results.verdict?.warnings ?? []) lines.push(`- ⚠️ ${inline(warning)}`);
  if (results.verdict?.warnings.length) lines.push('');

  lines.push(...adviceLines(results), '');
  return lines.join('\n');
}

function headlineTable(results: RunResults): string[] {
  const counts = results.status_counts;
  const users = results.users;
  const failedOrTimeout = counts.failed + counts.timeout;
  const other = users - counts.completed - failedOrTimeout;
  const { enqueue_ms: enqueue, total_ms: total } = results;
  return [
    '| figure | value |',
    '|---|---:|',
    `| users | ${formatCount(users)} |`,
    `| completed | ${formatCount(counts.completed)} (${formatShare(counts.completed, users)}) |`,
    `| failed + timeout | ${formatCount(failedOrTimeout)} (${formatShare(failedOrTimeout, users)}) |`,
    `| other outcomes | ${formatCount(other)} |`,
    `| enqueue p50 / p95 / max | ${threeFigures(enqueue)} |`,
    `| total p50 / p95 / max | ${threeFigures(total)} |`,
    `| requests | ${formatCount(results.requests)} |`,
    `| wall time | ${formatMs(results.wall_time_seconds * 1000)} |`,
  ];
}

function adviceLines(results: RunResults): string[] {
  if (results.advice === undefined) return [];
  const lines = ['### Tuning advice', ''];
  if (results.advice.length === 0) return [...lines, 'No rule fired: no tuning advice.'];
  for (const advice of results.advice) {
    lines.push(`- **${inline(advice.rule)}**: ${inline(advice.message)}`);
    for (const [setting, value] of Object.entries(advice.changes)) {
      lines.push(`  - \`${code(setting)}=${code(value)}\``);
    }
  }
  return lines;
}

// One line of inert text: GitHub renders raw HTML in Markdown, and a `|` would end a table cell.
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .trim();
}

// Inside a code span entities are shown literally, so only what would close the span goes.
function code(text: string): string {
  return text.replace(/[`\n\r]/g, ' ');
}

function threeFigures(stats: LatencyStats): string {
  return [stats.p50, stats.p95, stats.max].map(formatMs).join(' / ');
}
