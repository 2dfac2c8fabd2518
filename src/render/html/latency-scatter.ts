// Every request's latency over the run: enqueue POSTs as squares, polls as dots, coloured by
// how the user ended. This is where a backend that slows down as users pile up shows itself.
import { createFrame, renderChart, round } from './chart-frame';
import { downsample } from './downsample';
import { formatTick } from './format';
import { OUTCOME_COLORS } from './outcome-colors';
import { linearScale, linearTicks, logScale, logTicks } from './scale';

import type { Outcome, RequestKind, UserRecord } from '../../records';
import type { Timeline } from './timeline';

/** Above this many requests the chart shows a deterministic subset (see downsample). */
export const MAX_SCATTER_POINTS = 5000;

/** A latency spread wider than this ratio gets a log axis, or the fast polls flatten to a line. */
const LOG_SCALE_RATIO = 50;

export interface LatencyPoint {
  secondsFromStart: number;
  durationMs: number;
  kind: RequestKind;
  outcome: Outcome;
}

export interface LatencyScatter {
  svg: string;
  shownPoints: number;
  totalPoints: number;
  /** Of the shown points, how many were kept for being the slowest. */
  slowestPoints: number;
}

/** Every request of every user as a point, in user then request order. */
function collectLatencyPoints(runs: readonly UserRecord[], timeline: Timeline): LatencyPoint[] {
  return runs.flatMap((run) =>
    run.requests.map((sample) => ({
      secondsFromStart: (sample.start_ms - timeline.originMs) / 1000,
      durationMs: sample.duration_ms,
      kind: sample.kind,
      outcome: run.outcome,
    })),
  );
}

/** The scatter as SVG with one `.point` per shown request; null when there are no requests. */
export function renderLatencyScatter(
  runs: readonly UserRecord[],
  timeline: Timeline,
  capPoints = MAX_SCATTER_POINTS,
): LatencyScatter | null {
  const all = collectLatencyPoints(runs, timeline);
  if (all.length === 0) return null;
  const picked = downsample(all, capPoints, (point) => point.durationMs);

  const frame = createFrame();
  const { plot } = frame;
  const xTicks = linearTicks(Math.max((timeline.endMs - timeline.originMs) / 1000, 1), 10);
  const x = linearScale([0, xTicks[xTicks.length - 1]], [plot.left, plot.right]);
  const y = chooseYAxis(picked.kept, [plot.bottom, plot.top]);

  // Completed users are drawn first so the rarer failures sit on top and stay visible.
  const outcomeOrder = Object.keys(OUTCOME_COLORS);
  const drawOrder = [...picked.kept].sort(
    (a, b) => outcomeOrder.indexOf(a.outcome) - outcomeOrder.indexOf(b.outcome),
  );
  const marks = drawOrder.map((point) =>
    renderPoint(round(x(point.secondsFromStart)), round(y.scale(point.durationMs)), point),
  );

  const svg = renderChart(
    frame,
    {
      x: { scale: x, ticks: xTicks, formatTick, title: 'seconds since run start' },
      y: { ...y, formatTick },
    },
    marks.join(''),
    { label: 'Latency of every request over time', className: 'scatter' },
  );
  return {
    svg,
    shownPoints: picked.kept.length,
    totalPoints: picked.total,
    slowestPoints: picked.slowest,
  };
}

function chooseYAxis(points: readonly LatencyPoint[], range: readonly [number, number]) {
  const durations = points.map((point) => point.durationMs);
  const maxMs = durations.reduce((max, value) => Math.max(max, value), 1);
  const minPositiveMs = durations.reduce(
    (min, value) => (value > 0 ? Math.min(min, value) : min),
    maxMs,
  );

  if (maxMs / minPositiveMs >= LOG_SCALE_RATIO) {
    const ticks = logTicks(minPositiveMs, maxMs);
    const scale = logScale([ticks[0], ticks[ticks.length - 1]], range);
    return { scale, ticks, title: 'duration (ms, log scale)' };
  }
  const ticks = linearTicks(maxMs, 5);
  const scale = linearScale([0, ticks[ticks.length - 1]], range);
  return { scale, ticks, title: 'duration (ms)' };
}

// Sorting already fixed the stacking; the class names let the page check count each kind.
function renderPoint(xPx: number, yPx: number, point: LatencyPoint): string {
  const color = OUTCOME_COLORS[point.outcome];
  const classes = `point ${point.kind} outcome-${point.outcome}`;
  if (point.kind === 'enqueue') {
    const corner = `x="${round(xPx - 2.5)}" y="${round(yPx - 2.5)}"`;
    return `<rect class="${classes}" ${corner} width="5" height="5" fill="${color}"/>`;
  }
  return `<circle class="${classes}" cx="${xPx}" cy="${yPx}" r="2" fill="${color}"/>`;
}
