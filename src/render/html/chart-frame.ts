// The frame every chart shares: one viewBox size, margins for the tick labels, gridlines and
// axis titles. Charts draw their marks inside `plot` and hand the frame their scales and ticks.
import { escapeHtml } from './escape';

import type { Scale } from './scale';

/** The drawing area inside the margins, in viewBox units. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Axis {
  scale: Scale;
  ticks: readonly number[];
  formatTick: (value: number) => string;
  title: string;
}

export interface ChartFrame {
  widthPx: number;
  heightPx: number;
  plot: PlotArea;
}

/** The size shared by every chart: wide enough for a timeline, short enough to scan. */
export function createFrame(widthPx = 760, heightPx = 280): ChartFrame {
  return {
    widthPx,
    heightPx,
    plot: { left: 64, top: 14, right: widthPx - 16, bottom: heightPx - 44 },
  };
}

/**
 * An `<svg>` element with gridlines, tick labels and axis titles around `marksSvg`. The SVG
 * scales with the page through its viewBox; `label` becomes its accessible name.
 */
export function renderChart(
  frame: ChartFrame,
  axes: { x: Axis; y: Axis },
  marksSvg: string,
  options: { label: string; className: string },
): string {
  const { plot } = frame;
  const xGrid = axes.x.ticks.map((tick) => {
    const x = round(axes.x.scale(tick));
    return (
      `<line class="grid" x1="${x}" y1="${plot.top}" x2="${x}" y2="${plot.bottom}"/>` +
      `<text class="tick" x="${x}" y="${plot.bottom + 16}" text-anchor="middle">` +
      `${escapeHtml(axes.x.formatTick(tick))}</text>`
    );
  });
  const yGrid = axes.y.ticks.map((tick) => {
    const y = round(axes.y.scale(tick));
    return (
      `<line class="grid" x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}"/>` +
      `<text class="tick" x="${plot.left - 6}" y="${y + 4}" text-anchor="end">` +
      `${escapeHtml(axes.y.formatTick(tick))}</text>`
    );
  });
  const titles =
    `<text class="axis-title" x="${(plot.left + plot.right) / 2}" y="${frame.heightPx - 6}" ` +
    `text-anchor="middle">${escapeHtml(axes.x.title)}</text>` +
    `<text class="axis-title" transform="translate(14 ${(plot.top + plot.bottom) / 2}) ` +
    `rotate(-90)" text-anchor="middle">${escapeHtml(axes.y.title)}</text>`;
  const border =
    `<rect class="plot-border" x="${plot.left}" y="${plot.top}" ` +
    `width="${plot.right - plot.left}" height="${plot.bottom - plot.top}"/>`;

  return (
    `<svg class="chart ${options.className}" viewBox="0 0 ${frame.widthPx} ${frame.heightPx}" ` +
    `role="img" aria-label="${escapeHtml(options.label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(options.label)}</title>` +
    `<g class="axes">${xGrid.join('')}${yGrid.join('')}${border}${titles}</g>` +
    `<g class="marks">${marksSvg}</g>` +
    `</svg>`
  );
}

/** Coordinates keep one decimal: enough for a 760-unit viewBox, and the page stays small. */
export function round(valuePx: number): number {
  return Math.round(valuePx * 10) / 10;
}
