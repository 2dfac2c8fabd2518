// Text helpers for the console summary only: ANSI colour and one-line cuts. Figures (latencies,
// shares, counts) are spelled by src/format.ts, the same way for every output.

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;

export type Style = keyof typeof ANSI;

/** Wraps text in an ANSI style when colour is on; the caller decides from TTY and NO_COLOR. */
export function paint(text: string, style: Style, color: boolean): string {
  return color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/** Cuts text to `maxChars` on one line, marking the cut with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= maxChars ? oneLine : `${oneLine.slice(0, maxChars - 1)}…`;
}
