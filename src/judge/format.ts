// Number formats shared by the verdict, the advice and the comparison: one way to write a share
// or a latency everywhere a person reads it.

/** A ratio as a percentage with at most one decimal: 0.955 -> "95.5 %". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100)} %`;
}

/** Milliseconds with at most one decimal: 1234.56 -> "1234.6 ms". */
export function formatMs(valueMs: number): string {
  return `${formatNumber(valueMs)} ms`;
}

/** Milliseconds as seconds with at most one decimal: 1200000 -> "1200 s". */
export function formatSeconds(valueMs: number): string {
  return `${formatNumber(valueMs / 1000)} s`;
}

/** At most one decimal, no trailing ".0": 3 -> "3", 2.25 -> "2.3". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "1 user", "3 users". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Clauses joined by semicolons into one sentence: capital first letter, full stop. */
export function asSentence(clauses: readonly string[]): string {
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
