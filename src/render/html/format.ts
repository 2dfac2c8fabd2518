// Display formatting for the summary page. The results JSON keeps full precision; rounding
// happens only here, at the last step before a human reads the figure.

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A dash stands for "no value" so that a missing figure never reads as zero. */
export const NO_VALUE = '–';

/** Whole numbers with thousands separators: 120000 -> "120,000". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** Milliseconds as people read them: "0.8 ms", "312 ms", "1,480 ms", "12.5 s". */
export function formatMs(valueMs: number | null): string {
  if (valueMs === null) return NO_VALUE;
  if (Math.abs(valueMs) < 10) return `${valueMs.toFixed(1)} ms`;
  if (Math.abs(valueMs) < 10_000) return `${COUNT_FORMAT.format(Math.round(valueMs))} ms`;
  return `${(valueMs / 1000).toFixed(1)} s`;
}

/** A share of a whole as a percentage with one decimal; a dash when the whole is empty. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return NO_VALUE;
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** Short axis labels: "0", "250", "1.5k", "20k". */
export function formatTick(value: number): string {
  if (Math.abs(value) >= 1000) return `${trimZeros((value / 1000).toFixed(1))}k`;
  if (Number.isInteger(value)) return String(value);
  return trimZeros(value.toFixed(2));
}

// Only digits after a decimal point are trimmed: "1.50" -> "1.5", "2.0" -> "2", "10" stays.
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
