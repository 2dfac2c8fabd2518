// Facts the advice rules look for in a run's user records. Each helper answers one question and
// returns plain counts or figures, so the rules stay readable and each fact is tested once.
import { summarizeMs } from '../stats';

import type { UserRecord } from '../records';

// SQLAlchemy's QueuePool timeout, and PostgreSQL refusing connections past max_connections.
const POOL_ERROR = new RegExp(
  [
    'QueuePool limit',
    'connection pool',
    'pool[_ ]timeout',
    'too many connections',
    'remaining connection slots',
  ].join('|'),
  'i',
);
// "empty choices ... (possible rate-limit ...)" is the wrapper's guess, not a 429: see SATURATION.
const RATE_LIMIT = /\b429\b|too many requests|rate[ _-]?limit/i;
const SATURATION = /returned empty choices|timed out after \d+ ?s|Embedding generation failed/i;
const EMPTY_CHOICES = /returned empty choices/i;

/** Users that match `predicate`, one per task: reused users share one pipeline. */
export function distinctTaskRuns(
  runs: readonly UserRecord[],
  predicate: (run: UserRecord) => boolean,
): UserRecord[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    if (!predicate(run)) return false;
    if (run.task_id === null) return true;
    if (seen.has(run.task_id)) return false;
    seen.add(run.task_id);
    return true;
  });
}

/** Enqueues answered 500 that the backend did not explain: its DB lookup or pool failed. */
export function bareEnqueue500s(runs: readonly UserRecord[]): number {
  return runs.filter(
    (run) =>
      run.outcome === 'enqueue_failed' &&
      run.http_status === 500 &&
      // These two 500s have other causes: a Celery broker failure and missing auth settings.
      !/Failed to enqueue theory task|Authentication not configured/i.test(run.error ?? ''),
  ).length;
}

/** Users whose error text names a database pool problem. */
export function poolErrors(runs: readonly UserRecord[]): number {
  return runs.filter((run) => POOL_ERROR.test(run.error ?? '')).length;
}

export interface RateLimitSignals {
  /** Users (one per task for failed pipelines) whose error names a 429 or a rate limit. */
  rateLimited: number;
  /** Requests answered 429 by the target or a gateway in front of it. */
  answered429: number;
  /** Failed pipelines with an LLM timeout, empty choices or failed embeddings. */
  saturated: number;
  emptyChoices: number;
  examples: string[];
}

/** 429s and LLM saturation signs, from pipeline errors and from the answers themselves. */
export function rateLimitSignals(runs: readonly UserRecord[]): RateLimitSignals {
  const failedTasks = distinctTaskRuns(runs, (run) => run.outcome === 'failed');
  const others = runs.filter((run) => run.outcome !== 'failed');
  const texts = [...failedTasks, ...others]
    .map((run) => run.error ?? '')
    .filter((text) => text !== '');

  const limited = texts.filter((text) => RATE_LIMIT.test(text) && !EMPTY_CHOICES.test(text));
  const saturated = failedTasks.filter((run) => SATURATION.test(run.error ?? ''));
  const answered429 = runs.flatMap((run) => run.requests).filter((req) => req.status === 429);
  return {
    rateLimited: limited.length,
    answered429: answered429.length,
    saturated: saturated.length,
    emptyChoices: saturated.filter((run) => EMPTY_CHOICES.test(run.error ?? '')).length,
    examples: [...new Set([...limited, ...saturated.map((run) => run.error ?? '')])].slice(0, 2),
  };
}

export interface ThirdsTrend {
  firstP50Ms: number;
  lastP50Ms: number;
  firstP95Ms: number;
  lastP95Ms: number;
  users: number;
}

/**
 * Enqueue latency of the first and last third of users by scheduled start: a pool that runs
 * dry shows as enqueues slowing down while pipelines pile up. null below six answered enqueues.
 */
export function enqueueThirds(runs: readonly UserRecord[]): ThirdsTrend | null {
  const answered = runs
    .filter((run) => run.enqueue_ms !== null)
    .sort((a, b) => a.scheduled_start_ms - b.scheduled_start_ms || a.user - b.user);
  const third = Math.floor(answered.length / 3);
  if (third < 2) return null;

  const first = summarizeMs(answered.slice(0, third).map((run) => run.enqueue_ms as number));
  const last = summarizeMs(answered.slice(-third).map((run) => run.enqueue_ms as number));
  return {
    firstP50Ms: first.p50 as number,
    lastP50Ms: last.p50 as number,
    firstP95Ms: first.p95 as number,
    lastP95Ms: last.p95 as number,
    users: third,
  };
}

/** How many users of the first and of the last third (by schedule) ended `timeout`. */
export function timeoutThirds(runs: readonly UserRecord[]): { first: number; last: number } | null {
  const ordered = [...runs].sort(
    (a, b) => a.scheduled_start_ms - b.scheduled_start_ms || a.user - b.user,
  );
  const third = Math.floor(ordered.length / 3);
  if (third < 2) return null;
  const count = (part: UserRecord[]) => part.filter((run) => run.outcome === 'timeout').length;
  return { first: count(ordered.slice(0, third)), last: count(ordered.slice(-third)) };
}

/** "pipeline_start x5, network_metrics x2": where timed-out users were last seen. */
export function stepHistogram(runs: readonly UserRecord[]): string {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const step = run.last_step ?? run.last_status ?? 'unknown';
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([step, count]) => `${step} x${count}`)
    .join(', ');
}
