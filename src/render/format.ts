// Display formatting shared by the text renderers. The results JSON keeps full precision; this
// is the only place figures are rounded, and only for people to read.

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;

export type Style = keyof typeof ANSI;

/** Wraps text in an ANSI style when colour is on; the caller decides from TTY and NO_COLOR. */
export function paint(text: string, style: Style, color: boolean): string {
  return color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/**
 * A duration with a unit that suits its size: "0.8 ms", "412 ms", "1.24 s", "42.5 s",
 * "2 min 05 s", "1 h 02 min"; "n/a" for null.
 */
export function formatMs(ms: number | null): string {
  if (ms === null) {
    return 'n/a';
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

/** A count with thousands separators: "12,345". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A share of a whole with one decimal, "95.0%"; "n/a" when the whole is 0. */
export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** Cuts text to `maxChars` on one line, marking the cut with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= maxChars ? oneLine : `${oneLine.slice(0, maxChars - 1)}…`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
