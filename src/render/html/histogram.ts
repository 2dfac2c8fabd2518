// The enqueue latency histogram: how the POST answer times spread, which a p95 alone hides
// (two humps, a long tail, a wall at the request timeout).
import { createFrame, renderChart, round } from './chart-frame';
import { formatCount } from '../../format';
import { formatTick } from './format';
import { linearScale, linearTicks, niceStep } from './scale';

/** One bar: values in [fromMs, toMs), the last bin also holding its upper edge. */
export interface HistogramBin {
  fromMs: number;
  toMs: number;
  count: number;
}

/**
 * Counts values into bins of one round width from 0, about `targetBins` of them. Bins between
 * the first and the last value are kept even when empty, so gaps show as gaps.
 *
 * Complexity: O(n + bins). Returns [] for no values; the input is not mutated.
 *
 * @example
 * binValues([5, 12, 18], 2);
 * // => [{ fromMs: 0, toMs: 10, count: 1 }, { fromMs: 10, toMs: 20, count: 2 }]
 */
export function binValues(valuesMs: readonly number[], targetBins: number): HistogramBin[] {
  if (valuesMs.length === 0) return [];
  // A loop rather than Math.max(...values): spreading 10^5 arguments can overflow the stack.
  const maxMs = valuesMs.reduce((max, value) => Math.max(max, value), 0);
  const widthMs = niceStep(Math.max(maxMs, 1), targetBins);
  const binCount = Math.floor(maxMs / widthMs) + 1;

  const counts = new Array<number>(binCount).fill(0);
  for (const valueMs of valuesMs) {
    counts[Math.min(Math.floor(Math.max(valueMs, 0) / widthMs), binCount - 1)] += 1;
  }

  return counts.map((count, index) => ({
    fromMs: index * widthMs,
    toMs: (index + 1) * widthMs,
    count,
  }));
}

/**
 * The histogram as SVG, one `<rect class="bar">` per non-empty bin, each with a tooltip; an
 * empty string when there are no values (the caller says so in words).
 */
export function renderHistogram(valuesMs: readonly number[], label: string): string {
  const bins = binValues(valuesMs, 30);
  if (bins.length === 0) return '';
  const frame = createFrame();
  const { plot } = frame;
  const xTicks = linearTicks(bins[bins.length - 1].toMs, 8);
  const maxCount = bins.reduce((max, bin) => Math.max(max, bin.count), 0);
  const x = linearScale([0, xTicks[xTicks.length - 1]], [plot.left, plot.right]);
  const yTicks = linearTicks(maxCount, 4);
  const y = linearScale([0, yTicks[yTicks.length - 1]], [plot.bottom, plot.top]);

  const bars = bins
    .filter((bin) => bin.count > 0)
    .map((bin) => {
      const left = round(x(bin.fromMs) + 0.5);
      const top = round(y(bin.count));
      const width = round(Math.max(x(bin.toMs) - x(bin.fromMs) - 1, 0.5));
      const tooltip = `${formatTick(bin.fromMs)}–${formatTick(bin.toMs)} ms: ${formatCount(bin.count)}`;
      return (
        `<rect class="bar" x="${left}" y="${top}" width="${width}" ` +
        `height="${round(plot.bottom - top)}"><title>${tooltip}</title></rect>`
      );
    });

  return renderChart(
    frame,
    {
      x: { scale: x, ticks: xTicks, formatTick, title: 'enqueue latency (ms)' },
      y: { scale: y, ticks: yTicks, formatTick, title: 'requests' },
    },
    bars.join(''),
    { label, className: 'histogram' },
  );
}
