// Two saved runs side by side, so a tuning step can be judged by its effect on every headline
// figure and on the verdict. Pure: strings and objects out, the CLI prints them.
import { formatCount, formatMs, formatPercent } from '../format';
import { OUTCOMES } from '../records';
import { RESULTS_FORMAT } from '../results';
import { formatCriterionValue } from './criteria';
import { verdictState } from './verdict';

import type { VerdictState } from './verdict';
import type { CriterionResult, LatencyStats, RunResults, Verdict } from '../records';

export type FigureUnit = 'count' | 'ms' | 's' | 'ratio';

export interface FigureChange {
  name: string;
  unit: FigureUnit;
  before: number | null;
  after: number | null;
  /** after - before; for ratios, in the ratio's own scale (0.02 = 2 percentage points). */
  change: number | null;
  /** Relative change in percent; null for ratios, a missing side, or a zero before. */
  change_pct: number | null;
}

export interface CriterionChange {
  name: string;
  bound: string;
  before: { value: number | null; passed: boolean | null } | null;
  after: { value: number | null; passed: boolean | null } | null;
}

export interface ResultsDiff {
  figures: FigureChange[];
  verdict: { before: string; after: string };
  criteria: CriterionChange[];
}

const LATENCY_FIGURES = ['p50', 'p95', 'p99', 'max'] as const;
const LATENCY_BLOCKS = ['enqueue_ms', 'total_ms', 'poll_ms'] as const;

/** Whether a parsed JSON value looks like a results file this version can compare. */
export function isRunResults(value: unknown): value is RunResults {
  if (value === null || typeof value !== 'object') return false;
  const fields = value as Record<string, unknown>;
  return (
    fields.format === RESULTS_FORMAT &&
    typeof fields.users === 'number' &&
    typeof fields.status_counts === 'object' &&
    fields.status_counts !== null &&
    typeof fields.enqueue_ms === 'object' &&
    typeof fields.total_ms === 'object'
  );
}

/** Every headline figure and criterion of two runs, with the change between them. */
export function diffResults(before: RunResults, after: RunResults): ResultsDiff {
  const figures = figureReaders().map(([name, unit, read]) =>
    figureChange(name, unit, read(before), read(after)),
  );
  return {
    figures,
    verdict: { before: verdictLabel(before.verdict), after: verdictLabel(after.verdict) },
    criteria: criterionChanges(before.verdict, after.verdict),
  };
}

/** The comparison as a plain-text table: figure, before, after, change (with sign and %). */
export function compareResults(before: RunResults, after: RunResults): string {
  const diff = diffResults(before, after);
  const rows: string[][] = [['figure', 'before', 'after', 'change']];
  for (const figure of diff.figures) {
    rows.push([
      figure.name,
      formatValue(figure.before, figure.unit),
      formatValue(figure.after, figure.unit),
      formatChange(figure),
    ]);
  }
  rows.push(['verdict', diff.verdict.before, diff.verdict.after, changeWord(diff.verdict)]);
  for (const criterion of diff.criteria) {
    const label = `${criterion.name} (${criterion.bound})`;
    const beforeText = criterionText(criterion.before, criterion.name);
    const afterText = criterionText(criterion.after, criterion.name);
    rows.push([label, beforeText, afterText, criterionChangeWord(criterion)]);
  }
  return renderTable(rows);
}

type Reader = (results: RunResults) => number | null;

function figureReaders(): [string, FigureUnit, Reader][] {
  const readers: [string, FigureUnit, Reader][] = [['users', 'count', (r) => r.users]];
  for (const outcome of OUTCOMES) {
    readers.push([outcome, 'count', (r) => r.status_counts[outcome] ?? null]);
    readers.push([`${outcome} share`, 'ratio', (r) => share(r.status_counts[outcome], r.users)]);
  }
  for (const block of LATENCY_BLOCKS) {
    for (const figure of LATENCY_FIGURES) {
      readers.push([`${block} ${figure}`, 'ms', (r) => latency(r[block], figure)]);
    }
  }
  readers.push(
    ['schedule_lag_ms p95', 'ms', (r) => latency(r.schedule_lag_ms, 'p95')],
    ['reused_users', 'count', (r) => r.reused_users ?? null],
    ['distinct_tasks', 'count', (r) => r.distinct_tasks ?? null],
    ['wall_time_seconds', 's', (r) => r.wall_time_seconds ?? null],
  );
  return readers;
}

function share(count: number | undefined, users: number): number | null {
  return count === undefined || users === 0 ? null : count / users;
}

function latency(stats: LatencyStats | undefined, figure: keyof LatencyStats): number | null {
  return stats?.[figure] ?? null;
}

function figureChange(
  name: string,
  unit: FigureUnit,
  before: number | null,
  after: number | null,
): FigureChange {
  const change = before === null || after === null ? null : after - before;
  const relative = change !== null && unit !== 'ratio' && before !== 0 && before !== null;
  const changePct = relative ? (change / Math.abs(before)) * 100 : null;
  return { name, unit, before, after, change, change_pct: changePct };
}

const VERDICT_LABELS: Record<VerdictState, string> = {
  passed: 'passed',
  failed: 'failed',
  deferred: 'deferred to merge',
  'not-judged': 'not judged',
};

function verdictLabel(verdict: Verdict | undefined): string {
  return verdict === undefined ? '-' : VERDICT_LABELS[verdictState(verdict)];
}

function criterionChanges(
  before: Verdict | undefined,
  after: Verdict | undefined,
): CriterionChange[] {
  const names = [...(before?.criteria ?? []), ...(after?.criteria ?? [])].map((c) => c.name);
  return [...new Set(names)].map((name) => {
    const left = before?.criteria.find((criterion) => criterion.name === name);
    const right = after?.criteria.find((criterion) => criterion.name === name);
    return {
      name,
      bound: (right ?? left)?.bound ?? '',
      before: left === undefined ? null : pick(left),
      after: right === undefined ? null : pick(right),
    };
  });
}

function pick(criterion: CriterionResult): { value: number | null; passed: boolean | null } {
  return { value: criterion.value, passed: criterion.passed };
}

// Each unit spelled as the summaries spell it; wall time in seconds reads as a duration too.
const FIGURE_FORMATS: Record<FigureUnit, (value: number) => string> = {
  count: formatCount,
  ms: formatMs,
  s: (seconds) => formatMs(seconds * 1000),
  ratio: formatPercent,
};

function formatValue(value: number | null, unit: FigureUnit): string {
  return value === null ? '-' : FIGURE_FORMATS[unit](value);
}

// A share changes by percentage points, with the share's own one decimal.
function formatChange(figure: FigureChange): string {
  if (figure.change === null) return '-';
  if (figure.unit === 'ratio') return signed(figure.change, formatPoints);
  const changePct = figure.change_pct;
  const pct = changePct === null ? '' : ` (${signed(changePct / 100, formatPercent)})`;
  return `${signed(figure.change, FIGURE_FORMATS[figure.unit])}${pct}`;
}

function formatPoints(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} pp`;
}

// "+" for a rise and "-" for a fall, but no sign on a change that rounds to nothing.
function signed(value: number, format: (value: number) => string): string {
  const text = format(Math.abs(value));
  if (text === format(0)) return text;
  return `${value < 0 ? '-' : '+'}${text}`;
}

function changeWord({ before, after }: { before: string; after: string }): string {
  return before === after ? 'same' : `${before} -> ${after}`;
}

function criterionText(side: CriterionChange['before'], name: string): string {
  if (side === null) return '-';
  const value = formatCriterionValue({ name, value: side.value });
  const state = side.passed === null ? 'not judged' : side.passed ? 'pass' : 'FAIL';
  return `${value} ${state}`;
}

function criterionChangeWord(criterion: CriterionChange): string {
  const before = criterion.before?.passed;
  const after = criterion.after?.passed;
  if (before === true && after === false) return 'now failing';
  if (before === false && after === true) return 'now passing';
  return before === after ? 'same' : 'changed';
}

function renderTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}
