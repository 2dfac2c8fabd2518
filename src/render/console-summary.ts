// The short human summary printed at the end of a run. It only reads the results: the numbers
// a person sees are the JSON's, rounded for display, and the JSON path says where the rest is.
import { describeUserError } from '../error-text';
import { OUTCOMES } from '../records';
import { formatCount, formatMs, formatShare } from '../format';
import { formatCriterionValue } from '../judge/criteria';
import { paint, truncate } from './format';

import type { Advice, RunResults, Verdict } from '../records';

export interface ConsoleSummaryOptions {
  /** ANSI colours; the caller decides from the TTY and NO_COLOR. */
  color?: boolean;
  /** Where the results JSON was written, shown on the last line. */
  outputPath?: string;
}

/** Distinct error messages shown before the rest are counted as "more". */
const TOP_ERRORS = 3;
const TOP_ADVICE = 3;
const MESSAGE_CHARS = 90;

/**
 * About a dozen lines for the console: users and outcomes, latencies, reuse and partial
 * warnings, the most frequent errors, the verdict and advice when present, and the JSON path.
 * Returns the text without a final newline; never prints.
 *
 * @example
 * renderConsoleSummary(results, { color: false, outputPath: 'load-results/results.json' });
 */
export function renderConsoleSummary(
  results: RunResults,
  options: ConsoleSummaryOptions = {},
): string {
  const color = options.color === true;
  const lines = [
    headline(results, color),
    line('outcomes', outcomesText(results, color)),
    line('enqueue', latencyText(results.enqueue_ms, 'answered')),
    line('total', latencyText(results.total_ms, 'ended')),
    line(
      'poll',
      `p95 ${formatMs(results.poll_ms.p95)} (${formatCount(results.poll_ms.count)} answered)`,
    ),
    line(
      'start lag',
      `p95 ${formatMs(results.schedule_lag_ms.p95)}, max ${formatMs(results.schedule_lag_ms.max)}`,
    ),
    ...reuseLines(results, color),
    ...partialLines(results, color),
    ...errorLines(results),
    ...(results.verdict ? verdictLines(results.verdict, color) : []),
    ...(results.advice ? adviceLines(results.advice) : []),
  ];
  if (options.outputPath) {
    lines.push(line('results', options.outputPath));
  }
  return lines.join('\n');
}

function headline(results: RunResults, color: boolean): string {
  const projects =
    results.projects.length === 1 ? '1 project' : `${results.projects.length} projects`;
  const shards = results.shards_merged > 1 ? `, ${results.shards_merged} shards merged` : '';
  const shard = results.shard ? `, shard ${results.shard.current} of ${results.shard.total}` : '';
  const wallTime = formatMs(results.wall_time_seconds * 1000);
  const text =
    `theory-load: ${formatCount(results.users)} users on ${projects} in ${wallTime}, ` +
    `${formatCount(results.requests)} requests${shards}${shard}`;
  return paint(text, 'bold', color);
}

// Completed is always shown, other outcomes only when they happened, in OUTCOMES order.
function outcomesText(results: RunResults, color: boolean): string {
  const shown = OUTCOMES.filter(
    (outcome) => outcome === 'completed' || results.status_counts[outcome] > 0,
  );
  return shown
    .map((outcome) => {
      const count = results.status_counts[outcome];
      const text = `${outcome} ${formatCount(count)} (${formatShare(count, results.users)})`;
      const bad = outcome !== 'completed' && count > 0;
      return bad ? paint(text, 'red', color) : text;
    })
    .join(', ');
}

function latencyText(stats: RunResults['enqueue_ms'], counted: string): string {
  if (stats.count === 0) {
    return `no values (0 ${counted})`;
  }
  const figures = `p50 ${formatMs(stats.p50)}, p95 ${formatMs(stats.p95)}, max ${formatMs(stats.max)}`;
  return `${figures} (${formatCount(stats.count)} ${counted})`;
}

// Users that share a task are one pipeline run counted many times (API contract, section 9).
function reuseLines(results: RunResults, color: boolean): string[] {
  if (results.reused_users === 0) {
    return [];
  }
  const text =
    `${formatCount(results.reused_users)} users reused another user's task: ` +
    `${formatCount(results.distinct_tasks)} distinct tasks, not independent pipelines`;
  return [line('reused', paint(text, 'yellow', color))];
}

function partialLines(results: RunResults, color: boolean): string[] {
  if (!results.partial) {
    return [];
  }
  const reasons = results.partial_reasons.length
    ? results.partial_reasons.join('; ')
    : 'no reason recorded';
  return [line('PARTIAL', paint(reasons, 'yellow', color))];
}

// Counted over every user in `runs`, not the first 50 of `errors`, so the counts are true.
function errorLines(results: RunResults): string[] {
  const pipelineTimeoutS = results.settings?.pipeline_timeout_s ?? null;
  const counts = new Map<string, number>();
  for (const record of results.runs) {
    if (record.outcome !== 'completed') {
      const message = describeUserError(record, pipelineTimeoutS);
      counts.set(message, (counts.get(message) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    return [];
  }

  const ranked = [...counts].sort(([a, left], [b, right]) => right - left || a.localeCompare(b));
  const lines = ranked
    .slice(0, TOP_ERRORS)
    .map(([message, count]) => `${formatCount(count)} × ${truncate(message, MESSAGE_CHARS)}`);
  const hidden = ranked.length - TOP_ERRORS;
  if (hidden > 0) {
    lines.push(`and ${hidden} more distinct ${hidden === 1 ? 'message' : 'messages'}`);
  }
  return lines.map((text, index) => line(index === 0 ? 'errors' : '', text));
}

/** The verdict in one line, plus one line of warnings when there are any. */
function verdictLines(verdict: Verdict, color: boolean): string[] {
  const lines = [line('verdict', verdictText(verdict, color))];
  if (verdict.warnings.length > 0) {
    lines.push(line('warnings', truncate(verdict.warnings.join('; '), MESSAGE_CHARS * 2)));
  }
  return lines;
}

function verdictText(verdict: Verdict, color: boolean): string {
  if (!verdict.judged || verdict.passed === null) {
    return paint(`not judged: ${verdict.reason ?? 'no reason given'}`, 'yellow', color);
  }
  if (verdict.passed) {
    return paint(`PASS, ${verdict.criteria.length} criteria met`, 'green', color);
  }
  const failed = verdict.criteria
    .filter((criterion) => criterion.passed === false)
    .map(
      (criterion) =>
        `${criterion.name} ${formatCriterionValue(criterion)} (needs ${criterion.bound})`,
    );
  return `${paint('FAIL', 'red', color)}: ${failed.join(', ')}`;
}

/** One line per piece of advice, its rule and the start of its message. */
function adviceLines(advice: readonly Advice[]): string[] {
  const lines = advice
    .slice(0, TOP_ADVICE)
    .map((item) => `${item.rule}: ${truncate(item.message, MESSAGE_CHARS)}`);
  if (advice.length > TOP_ADVICE) {
    lines.push(`and ${advice.length - TOP_ADVICE} more in the results JSON`);
  }
  return lines.map((text, index) => line(index === 0 ? 'advice' : '', text));
}

function line(label: string, text: string): string {
  return `  ${label.padEnd(10)} ${text}`;
}
