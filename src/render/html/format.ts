// Axis labels for the summary page's charts. Figures in its text and tables are spelled by
// src/format.ts, like every other output; ticks only need to be short.

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
