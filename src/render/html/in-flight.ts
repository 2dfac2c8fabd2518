// Users in flight over time: from each user's actual start to its end. The ramp shows whether
// the spawn schedule held, the plateau how many pipelines the backend carried at once.
import { createFrame, renderChart, round } from './chart-frame';
import { formatTick } from './format';
import { linearScale, linearTicks } from './scale';

import type { UserRecord } from '../../records';
import type { Timeline } from './timeline';

/** From `secondsFromStart` on, `users` were in flight (until the next step). */
export interface InFlightStep {
  secondsFromStart: number;
  users: number;
}

/**
 * The in-flight count after every start and end. A user that started but never ended (an
 * `unfinished` one) stays in flight to the end of the timeline; one that never started is
 * not counted. Simultaneous events collapse into one step.
 *
 * Complexity: O(n log n) in the number of users; the input is not mutated.
 */
export function countInFlight(runs: readonly UserRecord[], timeline: Timeline): InFlightStep[] {
  const changes: Array<{ timeMs: number; delta: number }> = [];
  for (const run of runs) {
    if (run.actual_start_ms === null) continue;
    changes.push({ timeMs: run.actual_start_ms, delta: 1 });
    changes.push({ timeMs: run.end_ms ?? timeline.endMs, delta: -1 });
  }
  changes.sort((a, b) => a.timeMs - b.timeMs);

  const steps: InFlightStep[] = [{ secondsFromStart: 0, users: 0 }];
  let users = 0;
  for (const change of changes) {
    users += change.delta;
    const secondsFromStart = (change.timeMs - timeline.originMs) / 1000;
    const last = steps[steps.length - 1];
    if (last.secondsFromStart === secondsFromStart) last.users = users;
    else steps.push({ secondsFromStart, users });
  }
  return steps;
}

/** The step line as SVG (one `path.in-flight`); empty when no user started. */
export function renderInFlightChart(runs: readonly UserRecord[], timeline: Timeline): string {
  const steps = countInFlight(runs, timeline);
  if (steps.length === 1) return '';
  const frame = createFrame(760, 220);
  const { plot } = frame;
  const lastS = Math.max((timeline.endMs - timeline.originMs) / 1000, 1);
  const xTicks = linearTicks(lastS, 10);
  const x = linearScale([0, xTicks[xTicks.length - 1]], [plot.left, plot.right]);
  const peak = steps.reduce((max, step) => Math.max(max, step.users), 1);
  const yTicks = linearTicks(peak, 4);
  const y = linearScale([0, yTicks[yTicks.length - 1]], [plot.bottom, plot.top]);

  // A step line: hold the count horizontally until the next change, then jump vertically.
  let d = `M${round(x(0))},${round(y(0))}`;
  for (const step of steps) {
    d += `H${round(x(step.secondsFromStart))}V${round(y(step.users))}`;
  }
  d += `H${round(x(lastS))}`;

  return renderChart(
    frame,
    {
      x: { scale: x, ticks: xTicks, formatTick, title: 'seconds since run start' },
      y: { scale: y, ticks: yTicks, formatTick, title: 'users in flight' },
    },
    `<path class="in-flight" d="${d}"/>`,
    { label: 'Users in flight over time', className: 'in-flight-chart' },
  );
}
