// User records -> the results JSON. Pure and order-independent: a shard, a merge of many
// shards and a re-aggregation of a saved `runs` list all give the same figures, because every
// value is derived from the records sorted by user and never from partial aggregates.
import { describeUserError } from './error-text';
import { collectPartialReasons } from './partial-reasons';
import { OUTCOMES } from './records';
import { PERCENTILE_METHOD, summarizeMs } from './stats';

import type {
  ErrorEntry,
  Outcome,
  ProjectBreakdown,
  PublicSettings,
  RunResults,
  StatusCounts,
  UserRecord,
} from './records';

/** The `format` field of every results JSON; a reader checks it before trusting the rest. */
export const RESULTS_FORMAT = 'theory-load-results/1';

/** The runbook script kept the first 50 errors; so do we. */
export const MAX_ERROR_ENTRIES = 50;

/** What the caller knows about the run that the records cannot tell. */
export interface AggregateContext {
  settings: PublicSettings | null;
  /** This shard, when the results describe one shard alone; null for a whole or merged run. */
  shard: { current: number; total: number } | null;
  shardsMerged: number;
  interrupted: boolean;
  aborted: boolean;
  /** Why the caller already knows the results are incomplete (e.g. a missing shard). */
  partialReasons: string[];
}

/**
 * Build the results JSON from user records.
 *
 * Records may come in any order and from any number of shards: they are sorted by user first,
 * so aggregating a union of groups equals aggregating it in one go. Percentiles come from the
 * raw values (see PERCENTILE_METHOD) and are not rounded.
 *
 * `partial` is set, with a reason each, when the caller gave reasons, the run was interrupted,
 * some users are `unfinished` or `not_started`, a user appears twice, or (for a whole run)
 * fewer users have records than `settings.users`.
 *
 * Complexity: O(n log n + s log s) for n users and s request samples; the input is not mutated.
 *
 * @throws {TypeError} when a record's outcome is not one of OUTCOMES (an attachment of another
 *   format), since counting it anywhere would break `status_counts` adding up to `users`.
 * @example
 * const results = aggregateRuns(records, {
 *   settings, shard: null, shardsMerged: 3, interrupted: false, aborted: false, partialReasons: [],
 * });
 * results.status_counts.completed; // => 100
 */
export function aggregateRuns(
  records: readonly UserRecord[],
  context: AggregateContext,
): RunResults {
  const runs = [...records].sort(compareRecords);
  runs.forEach(assertKnownOutcome);
  const projects = context.settings?.project_ids.length
    ? [...context.settings.project_ids]
    : distinct(runs.map((record) => record.project_id));

  const statusCounts = countOutcomes(runs);
  const partialReasons = collectPartialReasons(runs, statusCounts, context);
  const startedAtMs = earliestStart(runs);
  const endedAtMs = latestEnd(runs);

  return {
    format: RESULTS_FORMAT,
    partial: partialReasons.length > 0,
    partial_reasons: partialReasons,
    interrupted: context.interrupted,
    aborted: context.aborted,

    users: runs.length,
    projects,
    status_counts: statusCounts,
    ...latencyBlocks(runs),
    errors: listErrors(runs, context.settings?.pipeline_timeout_s ?? null),
    wall_time_seconds: wallTimeSeconds(startedAtMs, endedAtMs),

    poll_ms: summarizeMs(answeredPollMs(runs)),
    schedule_lag_ms: summarizeMs(scheduleLagMs(runs)),
    requests: runs.reduce((total, record) => total + record.requests.length, 0),
    reused_users: runs.filter((record) => record.reused).length,
    distinct_tasks: new Set(runs.map((r) => r.task_id).filter((id) => id !== null)).size,
    per_project: breakDownByProject(runs, projects),
    started_at: startedAtMs === null ? null : new Date(startedAtMs).toISOString(),
    ended_at: endedAtMs === null ? null : new Date(endedAtMs).toISOString(),
    shards_merged: context.shardsMerged,
    shard: context.shard,
    percentile_method: PERCENTILE_METHOD,
    settings: context.settings,

    runs,
  };
}

/**
 * Count users per outcome, with every outcome present (zeros included).
 *
 * Complexity: O(n). Throws nothing.
 *
 * @example
 * countOutcomes([completedUser, failedUser]).failed; // => 1
 */
function countOutcomes(records: readonly UserRecord[]): StatusCounts {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as StatusCounts;
  for (const record of records) {
    counts[record.outcome] += 1;
  }
  return counts;
}

function assertKnownOutcome(record: UserRecord): void {
  if (!(OUTCOMES as readonly string[]).includes(record.outcome)) {
    const got = String(record.outcome);
    throw new TypeError(`Expected an outcome of OUTCOMES for user ${record.user}, got ${got}`);
  }
}

// The first errors in user order, as the runbook script listed them, but never with an empty
// text and with the backend's error_code kept beside it.
function listErrors(records: readonly UserRecord[], pipelineTimeoutS: number | null): ErrorEntry[] {
  return records
    .filter((record) => record.outcome !== 'completed')
    .slice(0, MAX_ERROR_ENTRIES)
    .map((record) => ({
      user: record.user,
      task_id: record.task_id,
      status: record.outcome,
      http_status: record.http_status,
      error_code: record.error_code,
      error: describeUserError(record, pipelineTimeoutS),
    }));
}

// Polls that got no answer have a duration that measures the timeout or reset, not the server.
function answeredPollMs(records: readonly UserRecord[]): number[] {
  const durationsMs: number[] = [];
  for (const record of records) {
    for (const sample of record.requests) {
      if (sample.kind === 'poll' && sample.status !== null) {
        durationsMs.push(sample.duration_ms);
      }
    }
  }
  return durationsMs;
}

function scheduleLagMs(records: readonly UserRecord[]): number[] {
  return records.flatMap((record) =>
    record.actual_start_ms === null ? [] : [record.actual_start_ms - record.scheduled_start_ms],
  );
}

// Enqueue latency counts every answered POST whatever its status, and never a 0 standing in
// for "no answer": the runbook script's 0/0/0 for an all-failed run came from exactly that.
function latencyBlocks(
  records: readonly UserRecord[],
): Pick<RunResults, 'enqueue_ms' | 'total_ms'> {
  const enqueueMs = records.flatMap((record) =>
    record.enqueue_ms === null ? [] : [record.enqueue_ms],
  );
  const totalMs = records.flatMap((record) => (record.total_ms === null ? [] : [record.total_ms]));
  return { enqueue_ms: summarizeMs(enqueueMs), total_ms: summarizeMs(totalMs) };
}

// Projects found in records but missing from the settings still get an entry, after the
// configured ones, so the breakdown always adds up to `users`.
function breakDownByProject(
  records: readonly UserRecord[],
  projects: readonly string[],
): ProjectBreakdown[] {
  const byProject = new Map<string, UserRecord[]>(projects.map((projectId) => [projectId, []]));
  for (const record of records) {
    const own = byProject.get(record.project_id);
    if (own) {
      own.push(record);
    } else {
      byProject.set(record.project_id, [record]);
    }
  }
  return [...byProject].map(([projectId, own]) => ({
    project_id: projectId,
    users: own.length,
    status_counts: countOutcomes(own),
    ...latencyBlocks(own),
  }));
}

// A loop rather than Math.min(...spread): 10^5 arguments overflow the call stack.
function earliestStart(records: readonly UserRecord[]): number | null {
  let earliestMs: number | null = null;
  for (const record of records) {
    if (earliestMs === null || record.scheduled_start_ms < earliestMs) {
      earliestMs = record.scheduled_start_ms;
    }
  }
  return earliestMs;
}

// A user that never ended still made requests; the end of its last one bounds the run.
function latestEnd(records: readonly UserRecord[]): number | null {
  let latestMs: number | null = null;
  for (const record of records) {
    const endMs = record.end_ms ?? lastRequestEnd(record) ?? record.actual_start_ms;
    if (endMs !== null && (latestMs === null || endMs > latestMs)) {
      latestMs = endMs;
    }
  }
  return latestMs;
}

function lastRequestEnd(record: UserRecord): number | null {
  if (record.requests.length === 0) {
    return null;
  }
  return Math.max(...record.requests.map((sample) => sample.start_ms + sample.duration_ms));
}

function wallTimeSeconds(startedAtMs: number | null, endedAtMs: number | null): number {
  if (startedAtMs === null || endedAtMs === null) {
    return 0;
  }
  return Math.max(0, endedAtMs - startedAtMs) / 1000;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

// Ties on `user` only happen with duplicate records; the extra keys keep the order (and so the
// first-50 error list) independent of input order even then.
function compareRecords(left: UserRecord, right: UserRecord): number {
  return (
    left.user - right.user ||
    left.shard - right.shard ||
    left.scheduled_start_ms - right.scheduled_start_ms ||
    (left.actual_start_ms ?? -1) - (right.actual_start_ms ?? -1) ||
    (left.end_ms ?? -1) - (right.end_ms ?? -1) ||
    outcomeRank(left.outcome) - outcomeRank(right.outcome)
  );
}

function outcomeRank(outcome: Outcome): number {
  return OUTCOMES.indexOf(outcome);
}
