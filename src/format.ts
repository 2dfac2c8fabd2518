// The one way to write a figure for people: the console summary, the HTML page, the Markdown job
// summary, and the verdict, advice and comparison texts all spell latencies, shares and counts
// through here, so "1.32 s" or "95.0%" reads the same wherever it appears. The results JSON keeps
// full precision; rounding happens only here.
//
// It sits at the top of src/ rather than in render/ because judge/ uses it too: the verdict and
// the advice are plain strings stored in the results, made before any renderer runs, and judge/
// must not depend on the presentation layer that reads its output. This file imports nothing.
// Helpers that serve one output stay with it: ANSI colour in render/format.ts, axis ticks in
// render/html/format.ts.

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** What every renderer shows for a figure that does not exist, so it never reads as zero. */
export const NO_VALUE = 'n/a';

/**
 * A duration with a unit that suits its size: "0.8 ms", "412 ms", "1.24 s", "42.5 s",
 * "2 min 05 s", "1 h 02 min"; "n/a" for null.
 */
export function formatMs(ms: number | null): string {
  if (ms === null) {
    return NO_VALUE;
  }
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);

  if (abs < 10) {
    return `${sign}${abs.toFixed(1)} ms`;
  }
  if (abs < 999.5) {
    return `${sign}${Math.round(abs)} ms`;
  }
  if (abs < 9_995) {
    return `${sign}${(abs / 1000).toFixed(2)} s`;
  }
  if (abs < 59_950) {
    return `${sign}${(abs / 1000).toFixed(1)} s`;
  }
  const totalSeconds = Math.round(abs / 1000);
  if (totalSeconds < 3600) {
    return `${sign}${Math.floor(totalSeconds / 60)} min ${pad2(totalSeconds % 60)} s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${sign}${Math.floor(totalMinutes / 60)} h ${pad2(totalMinutes % 60)} min`;
}

/** A count with thousands separators: 12345 -> "12,345". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** A ratio as a percentage with one decimal: 0.955 -> "95.5%", 1 -> "100.0%". */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** `part` of `whole` as a percentage, as formatPercent spells it; "n/a" when the whole is 0. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? NO_VALUE : formatPercent(part / whole);
}

/** A count and its noun: "1 user", "1,200 users". */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
