// The shared time axis of the over-time charts: zero is the earliest moment any user was due to
// start or did start, so the spawn window, the polls and the tail line up across charts.
import type { RunResults, UserRecord } from '../../records';

export interface Timeline {
  originMs: number;
  endMs: number;
}

/**
 * The span the records cover, from the earliest scheduled or actual start to the latest end or
 * request completion. Falls back on `started_at`/`ended_at`; null when nothing has a time.
 *
 * Complexity: O(users + requests). Throws nothing.
 */
export function findTimeline(results: RunResults): Timeline | null {
  let originMs = Infinity;
  let endMs = -Infinity;
  for (const run of results.runs) {
    for (const timeMs of startTimes(run)) originMs = Math.min(originMs, timeMs);
    for (const timeMs of endTimes(run)) endMs = Math.max(endMs, timeMs);
  }

  if (!Number.isFinite(originMs)) originMs = parseTime(results.started_at) ?? Infinity;
  if (!Number.isFinite(endMs)) endMs = parseTime(results.ended_at) ?? originMs;
  if (!Number.isFinite(originMs)) return null;
  return { originMs, endMs: Math.max(endMs, originMs) };
}

function startTimes(run: UserRecord): number[] {
  const times = [run.scheduled_start_ms];
  if (run.actual_start_ms !== null) times.push(run.actual_start_ms);
  if (run.requests.length > 0) times.push(run.requests[0].start_ms);
  return times;
}

function endTimes(run: UserRecord): number[] {
  const times = run.requests.map((sample) => sample.start_ms + sample.duration_ms);
  if (run.end_ms !== null) times.push(run.end_ms);
  if (run.actual_start_ms !== null) times.push(run.actual_start_ms);
  return times;
}

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const timeMs = Date.parse(iso);
  return Number.isFinite(timeMs) ? timeMs : null;
}
