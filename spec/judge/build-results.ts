// Hand-built RunResults for the judge's specs: the figures the judge reads are computed from the
// given records with the project's statistics, everything else is a fixed, frozen default.
import { OUTCOMES } from '../../src/records';
import { emptyStats, summarizeMs } from '../../src/stats';
import { deepFreeze, publicSettings, userRecord } from '../helpers/records';

import type { Outcome, RunResults, StatusCounts, UserRecord } from '../../src/records';

/** Results over `runs`, with any top-level field overridden. */
export function runResults(
  runs: readonly UserRecord[],
  overrides: Partial<RunResults> = {},
): RunResults {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as StatusCounts;
  for (const run of runs) counts[run.outcome] += 1;
  const taskIds = new Set(runs.map((run) => run.task_id).filter((id) => id !== null));
  const numbers = (values: (number | null)[]) => values.filter((value) => value !== null);

  return deepFreeze({
    format: 'theory-load-results/1',
    partial: false,
    partial_reasons: [],
    interrupted: false,
    aborted: false,
    users: runs.length,
    projects: [...new Set(runs.map((run) => run.project_id))].sort(),
    status_counts: counts,
    enqueue_ms: summarizeMs(numbers(runs.map((run) => run.enqueue_ms))),
    total_ms: summarizeMs(numbers(runs.map((run) => run.total_ms))),
    errors: [],
    wall_time_seconds: 60,
    poll_ms: emptyStats(),
    schedule_lag_ms: emptyStats(),
    requests: runs.reduce((sum, run) => sum + run.requests.length, 0),
    reused_users: runs.filter((run) => run.reused).length,
    distinct_tasks: taskIds.size,
    per_project: [],
    started_at: null,
    ended_at: null,
    shards_merged: 1,
    shard: null,
    percentile_method: 'test',
    settings: publicSettings({ users: runs.length }),
    runs: [...runs],
    ...overrides,
  } satisfies RunResults);
}

/** `count` users with one outcome (and any other fields), numbered from `firstUser`. */
export function usersWith(
  count: number,
  outcome: Outcome,
  fields: Partial<UserRecord> = {},
  firstUser = 0,
): UserRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const user = firstUser + index;
    const finished = outcome === 'completed' || outcome === 'failed' || outcome === 'timeout';
    return userRecord({
      user,
      outcome,
      task_id: finished ? `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` : null,
      last_status:
        outcome === 'completed' ? 'completed' : outcome === 'failed' ? 'failed' : 'running',
      ...fields,
    });
  });
}

/** A run of `users` users: the first `bad` ones have `outcome`, the rest completed. */
export function runOf(
  users: number,
  bad: number,
  outcome: Outcome,
  fields: Partial<UserRecord> = {},
) {
  return [...usersWith(bad, outcome, fields), ...usersWith(users - bad, 'completed', {}, bad)];
}
