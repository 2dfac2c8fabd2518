import { expect, test } from '@playwright/test';

import { OUTCOMES } from '../src/records';
import { aggregateRuns, MAX_ERROR_ENTRIES } from '../src/results';
import { PERCENTILE_METHOD } from '../src/stats';
import {
  deepFreeze,
  mixedRun,
  publicSettings,
  requestSample,
  seededRandom,
  shuffled,
  T0_MS,
  userRecord,
} from './helpers/records';

import type { Outcome, RunResults, UserRecord } from '../src/records';
import type { AggregateContext } from '../src/results';

const wholeRun: AggregateContext = deepFreeze({
  settings: null,
  shard: null,
  shardsMerged: 1,
  interrupted: false,
  aborted: false,
  partialReasons: [],
});

const CONTEXT_FIELDS = ['settings', 'shard', 'shards_merged'] as const;

function withoutContext(results: RunResults): Partial<RunResults> {
  const copy: Partial<RunResults> = { ...results };
  for (const field of CONTEXT_FIELDS) {
    delete copy[field];
  }
  return copy;
}

// An independent reading of PERCENTILE_METHOD, written from its text rather than the library.
function percentileFromMethodText(values: number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const x = [...values].sort((left, right) => left - right);
  const h = (x.length - 1) * p;
  const low = Math.floor(h);
  return h === low ? x[h] : x[low] + (h - low) * (x[low + 1] - x[low]);
}

function splitIntoGroups<T>(values: readonly T[], groups: number, random: () => number): T[][] {
  const buckets: T[][] = Array.from({ length: groups }, () => []);
  for (const value of values) {
    buckets[Math.floor(random() * groups)].push(value);
  }
  return buckets;
}

test.describe('aggregateRuns: merging', () => {
  const run = deepFreeze(mixedRun(240, 11));
  const single = aggregateRuns(run, wholeRun);

  for (const [seed, groups] of [
    [1, 2],
    [2, 3],
    [3, 7],
    [4, 240],
  ]) {
    test(`gives the single-run results for ${groups} shuffled groups (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const buckets = splitIntoGroups(shuffled(run, random), groups, random);
      const merged = shuffled(buckets, random).flat();

      const results = aggregateRuns(merged, { ...wholeRun, shardsMerged: groups });

      expect(withoutContext(results)).toEqual(withoutContext(single));
      expect(results.shards_merged).toBe(groups);
    });
  }

  test('recomputes every percentile from the saved runs exactly', () => {
    const saved = JSON.parse(JSON.stringify(single)) as RunResults;
    const enqueueMs = saved.runs.flatMap((r) => (r.enqueue_ms === null ? [] : [r.enqueue_ms]));
    const totalMs = saved.runs.flatMap((r) => (r.total_ms === null ? [] : [r.total_ms]));
    const pollMs = saved.runs.flatMap((r) =>
      r.requests.filter((s) => s.kind === 'poll' && s.status !== null).map((s) => s.duration_ms),
    );
    const lagMs = saved.runs.flatMap((r) =>
      r.actual_start_ms === null ? [] : [r.actual_start_ms - r.scheduled_start_ms],
    );
    const blocks = [
      [saved.enqueue_ms, enqueueMs],
      [saved.total_ms, totalMs],
      [saved.poll_ms, pollMs],
      [saved.schedule_lag_ms, lagMs],
    ] as const;

    for (const [stats, values] of blocks) {
      expect(stats.count).toBe(values.length);
      expect(stats.p50).toBe(percentileFromMethodText(values, 0.5));
      expect(stats.p90).toBe(percentileFromMethodText(values, 0.9));
      expect(stats.p95).toBe(percentileFromMethodText(values, 0.95));
      expect(stats.p99).toBe(percentileFromMethodText(values, 0.99));
    }
    expect(aggregateRuns(saved.runs, wholeRun)).toEqual(single);
  });

  test('sorts runs by user and leaves the input order alone', () => {
    const input = shuffled(run, seededRandom(5));
    const firstUsers = input.slice(0, 3).map((record) => record.user);

    const results = aggregateRuns(input, wholeRun);

    expect(results.runs.map((record) => record.user)).toEqual(run.map((record) => record.user));
    expect(input.slice(0, 3).map((record) => record.user)).toEqual(firstUsers);
  });
});

test.describe('aggregateRuns: counts', () => {
  test('returns zero users, null latencies and no times for an empty run', () => {
    const results = aggregateRuns([], wholeRun);

    expect(results.users).toBe(0);
    expect(Object.values(results.status_counts)).toEqual(OUTCOMES.map(() => 0));
    expect(results.enqueue_ms).toEqual({ ...results.total_ms, count: 0, p95: null, avg: null });
    expect(results.poll_ms.max).toBeNull();
    expect(results).toMatchObject({
      projects: [],
      errors: [],
      requests: 0,
      per_project: [],
      wall_time_seconds: 0,
      started_at: null,
      ended_at: null,
      partial: false,
      partial_reasons: [],
      runs: [],
      format: 'theory-load-results/1',
      percentile_method: PERCENTILE_METHOD,
    });
  });

  test('counts every outcome, zeros included, adding up to users', () => {
    const records = OUTCOMES.flatMap((outcome, index) =>
      Array.from({ length: index + 1 }, (_, copy) =>
        userRecord({ user: index * 10 + copy, outcome }),
      ),
    );

    const results = aggregateRuns(records, wholeRun);

    expect(Object.keys(results.status_counts)).toEqual([...OUTCOMES]);
    expect(OUTCOMES.map((outcome) => results.status_counts[outcome])).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(results.users).toBe(45);
  });

  test('returns null enqueue figures, not 0/0/0, when no user got an enqueue answer', () => {
    const records = [0, 1, 2].map((user) =>
      userRecord({
        user,
        outcome: 'exception',
        task_id: null,
        enqueue_ms: null,
        total_ms: 30_000,
        requests: [requestSample({ kind: 'enqueue', duration_ms: 30_000, status: null })],
      }),
    );

    const results = aggregateRuns(records, wholeRun);

    expect(results.enqueue_ms).toMatchObject({ count: 0, min: null, p50: null, max: null });
    expect(results.poll_ms.count).toBe(0);
    expect(results.status_counts.exception).toBe(3);
    expect(results.errors).toHaveLength(3);
  });

  test('counts enqueue latency of answers of any status, and polls only when answered', () => {
    const records = [
      userRecord({ user: 0, enqueue_ms: 100 }),
      userRecord({ user: 1, outcome: 'enqueue_failed', http_status: 500, enqueue_ms: 300 }),
      userRecord({
        user: 2,
        outcome: 'exception',
        requests: [
          requestSample({ kind: 'enqueue', status: 202, duration_ms: 200 }),
          requestSample({ duration_ms: 40, status: 200 }),
          requestSample({ duration_ms: 5_000, status: null, error: 'socket hang up' }),
          requestSample({ duration_ms: 60, status: 200, retry: true }),
        ],
        enqueue_ms: 200,
      }),
    ];

    const results = aggregateRuns(records, wholeRun);

    expect(results.enqueue_ms).toMatchObject({ count: 3, min: 100, avg: 200, max: 300 });
    // User 0 and 1 each make two 20 ms polls; user 2 adds 40 and 60 ms and one unanswered.
    expect(results.poll_ms).toMatchObject({ count: 6, min: 20, max: 60, p50: 20 });
    expect(results.requests).toBe(10);
  });

  test('measures schedule lag only for users that started', () => {
    const records = [
      userRecord({ user: 0, scheduled_start_ms: T0_MS, actual_start_ms: T0_MS + 4 }),
      userRecord({ user: 1, scheduled_start_ms: T0_MS + 150, actual_start_ms: T0_MS + 162 }),
      userRecord({ user: 2, outcome: 'not_started', actual_start_ms: null, requests: [] }),
    ];

    const lag = aggregateRuns(records, wholeRun).schedule_lag_ms;

    expect(lag).toMatchObject({ count: 2, min: 4, max: 12, avg: 8, p50: 8 });
  });

  test('counts reused users and distinct tasks apart', () => {
    const records = [
      userRecord({ user: 0, task_id: 'a' }),
      userRecord({ user: 1, task_id: 'a', reused: true }),
      userRecord({ user: 2, task_id: 'a', reused: true }),
      userRecord({ user: 3, task_id: 'b' }),
      userRecord({ user: 4, task_id: null, outcome: 'enqueue_invalid' }),
    ];

    const results = aggregateRuns(records, wholeRun);

    expect(results).toMatchObject({ reused_users: 2, distinct_tasks: 2, users: 5 });
  });
});

test.describe('aggregateRuns: projects', () => {
  const records = [
    userRecord({ user: 0, project_id: 'p2', enqueue_ms: 10 }),
    userRecord({ user: 1, project_id: 'p1', enqueue_ms: 20, outcome: 'failed' }),
    userRecord({ user: 2, project_id: 'p2', enqueue_ms: 30 }),
  ];

  test('lists distinct project ids in user order when there are no settings', () => {
    const results = aggregateRuns(records, wholeRun);

    expect(results.projects).toEqual(['p2', 'p1']);
    expect(results.per_project.map((entry) => [entry.project_id, entry.users])).toEqual([
      ['p2', 2],
      ['p1', 1],
    ]);
  });

  test('follows the configured project order, empty projects included', () => {
    const settings = publicSettings({ project_ids: ['p1', 'p2', 'p3'], users: 3 });

    const results = aggregateRuns(records, { ...wholeRun, settings });

    expect(results.projects).toEqual(['p1', 'p2', 'p3']);
    const [p1, p2, p3] = results.per_project;
    expect(p1).toMatchObject({ project_id: 'p1', users: 1, enqueue_ms: { count: 1, max: 20 } });
    expect(p1.status_counts.failed).toBe(1);
    expect(p2).toMatchObject({ users: 2, enqueue_ms: { min: 10, max: 30, p50: 20 } });
    expect(p3).toMatchObject({ users: 0, enqueue_ms: { count: 0, p95: null } });
  });

  test('adds a breakdown entry for a project missing from the settings', () => {
    const settings = publicSettings({ project_ids: ['p1'], users: 3 });

    const results = aggregateRuns(records, { ...wholeRun, settings });

    expect(results.projects).toEqual(['p1']);
    expect(results.per_project.map((entry) => entry.project_id)).toEqual(['p1', 'p2']);
    expect(results.per_project.reduce((sum, entry) => sum + entry.users, 0)).toBe(3);
  });
});

test.describe('aggregateRuns: errors', () => {
  test('lists the first 50 non-completed users in user order', () => {
    const records = Array.from({ length: 80 }, (_, user) =>
      userRecord({ user, outcome: user % 4 === 0 ? 'completed' : 'failed', error: `boom ${user}` }),
    );

    const { errors } = aggregateRuns(shuffled(records, seededRandom(3)), wholeRun);

    expect(errors).toHaveLength(MAX_ERROR_ENTRIES);
    expect(errors[0]).toEqual({
      user: 1,
      task_id: 'task-1',
      status: 'failed',
      http_status: null,
      error_code: null,
      error: 'boom 1',
    });
    expect(errors.map((entry) => entry.user)).toEqual(
      records
        .filter((r) => r.outcome !== 'completed')
        .map((r) => r.user)
        .slice(0, 50),
    );
  });

  const lastSeen = { last_status: 'pending', last_step: 'queued' };
  const textCases: { title: string; record: Partial<UserRecord>; error: string }[] = [
    {
      title: 'keeps the user error text when there is one',
      record: { outcome: 'failed', error: '  quota exceeded ', error_code: 'rate_limit' },
      error: 'quota exceeded',
    },
    {
      title: 'names the error_code of a failed pipeline without text',
      record: { outcome: 'failed', error: '', error_code: 'unsupported_parameter' },
      error: 'pipeline failed with error_code unsupported_parameter and no error text',
    },
    {
      title: 'says a failed pipeline gave neither text nor code',
      record: { outcome: 'failed', ...lastSeen },
      error: 'pipeline failed with no error text or error_code (last status pending, step queued)',
    },
    {
      title: 'gives the pipeline timeout and last state of a timed-out user',
      record: { outcome: 'timeout', ...lastSeen, last_step: null },
      error: 'no terminal status after 1200 s (last status pending)',
    },
    {
      title: 'gives the HTTP status of an enqueue answer without detail',
      record: { outcome: 'enqueue_failed', http_status: 500, error: '' },
      error: 'enqueue answered HTTP 500 with no detail',
    },
    {
      title: 'falls back to the transport error of an unanswered enqueue',
      record: {
        outcome: 'enqueue_failed',
        requests: [requestSample({ kind: 'enqueue', status: null, error: 'connect ECONNREFUSED' })],
      },
      error: 'connect ECONNREFUSED',
    },
    {
      title: 'says a 202 came without a task_id',
      record: { outcome: 'enqueue_invalid', task_id: null, http_status: 202 },
      error: 'enqueue answered HTTP 202 without a task_id',
    },
    {
      title: 'gives the HTTP status of a failed status poll',
      record: { outcome: 'status_failed', http_status: 401 },
      error: 'status poll answered HTTP 401 with no detail',
    },
    {
      title: 'uses the last request error of an exception with an empty message',
      record: {
        outcome: 'exception',
        error: '',
        requests: [
          requestSample({ kind: 'enqueue', status: 202 }),
          requestSample({ status: null, error: 'other side closed' }),
          requestSample({ status: null, error: '' }),
        ],
      },
      error: 'other side closed',
    },
    {
      title: 'says an exception left no message at all',
      record: { outcome: 'exception', error: null },
      error: 'exception with no message',
    },
    {
      title: 'explains an unfinished user',
      record: { outcome: 'unfinished', end_ms: null, total_ms: null, last_status: 'running' },
      error:
        'never reached an outcome (test timeout, worker crash or interrupted run) (last status running)',
    },
    {
      title: 'explains a user that never started',
      record: { outcome: 'not_started', actual_start_ms: null, requests: [] },
      error: 'never started: the run was aborted first',
    },
  ];

  for (const { title, record, error } of textCases) {
    test(title, () => {
      const settings = publicSettings({ users: 1 });

      const results = aggregateRuns([userRecord(record)], { ...wholeRun, settings });

      expect(results.errors[0].error).toBe(error);
    });
  }

  test('estimates the timeout from total_ms when the settings are unknown', () => {
    const record = userRecord({ outcome: 'timeout', total_ms: 900_400, last_status: null });

    const results = aggregateRuns([record], wholeRun);

    expect(results.errors[0].error).toBe('no terminal status after 900 s');
  });

  test('throws a TypeError naming the user of an unknown outcome', () => {
    const record = userRecord({ user: 7, outcome: 'lost' as Outcome });

    expect(() => aggregateRuns([record], wholeRun)).toThrow(
      new TypeError('Expected an outcome of OUTCOMES for user 7, got lost'),
    );
  });
});

test.describe('aggregateRuns: times', () => {
  test('runs from the first scheduled start to the last end', () => {
    const records = [
      userRecord({ user: 1, scheduled_start_ms: T0_MS + 150, end_ms: T0_MS + 12_500 }),
      userRecord({ user: 0, scheduled_start_ms: T0_MS, end_ms: T0_MS + 10_000 }),
    ];

    const results = aggregateRuns(records, wholeRun);

    expect(results.started_at).toBe('2026-01-01T00:00:00.000Z');
    expect(results.ended_at).toBe('2026-01-01T00:00:12.500Z');
    expect(results.wall_time_seconds).toBe(12.5);
  });

  test('ends an unfinished user with its last request', () => {
    const records = [
      userRecord({ user: 0, end_ms: T0_MS + 10_000 }),
      userRecord({
        user: 1,
        outcome: 'unfinished',
        end_ms: null,
        total_ms: null,
        requests: [
          requestSample({ kind: 'enqueue', start_ms: T0_MS + 150, duration_ms: 100, status: 202 }),
          requestSample({ start_ms: T0_MS + 20_000, duration_ms: 250 }),
        ],
      }),
    ];

    const results = aggregateRuns(records, wholeRun);

    expect(results.ended_at).toBe('2026-01-01T00:00:20.250Z');
    expect(results.wall_time_seconds).toBe(20.25);
  });
});

test.describe('aggregateRuns: partial results', () => {
  const finished = [userRecord({ user: 0 }), userRecord({ user: 1 })];
  const cases: {
    title: string;
    records: UserRecord[];
    context?: Partial<AggregateContext>;
    reasons: string[];
  }[] = [
    { title: 'is complete when every user reached an outcome', records: finished, reasons: [] },
    {
      title: 'keeps the reasons the caller gave',
      records: finished,
      context: { partialReasons: ['shard 2 of 3 is missing'] },
      reasons: ['shard 2 of 3 is missing'],
    },
    {
      title: 'says the run was interrupted',
      records: finished,
      context: { interrupted: true },
      reasons: ['the run was interrupted'],
    },
    {
      title: 'counts users that never reached an outcome or never started',
      records: [
        ...finished,
        userRecord({ user: 2, outcome: 'unfinished', end_ms: null }),
        userRecord({ user: 3, outcome: 'not_started', actual_start_ms: null, requests: [] }),
        userRecord({ user: 4, outcome: 'not_started', actual_start_ms: null, requests: [] }),
      ],
      context: { aborted: true },
      reasons: ['1 user never reached an outcome', '2 users never started'],
    },
    {
      title: 'does not repeat a reason the caller already gave in the same words',
      records: [userRecord({ user: 0, outcome: 'unfinished', end_ms: null })],
      context: { partialReasons: ['1 user never reached an outcome'] },
      reasons: ['1 user never reached an outcome'],
    },
    {
      title: 'names users recorded twice',
      records: [...finished, userRecord({ user: 1, shard: 2 })],
      reasons: ['users recorded more than once: 1'],
    },
    {
      title: 'counts scheduled users without a record in a whole run',
      records: finished,
      context: { settings: publicSettings({ users: 5 }) },
      reasons: ['3 users of 5 scheduled have no record'],
    },
    {
      title: 'expects only its own share of users in one shard',
      records: finished,
      context: { settings: publicSettings({ users: 5 }), shard: { current: 1, total: 3 } },
      reasons: [],
    },
  ];

  for (const { title, records, context, reasons } of cases) {
    test(title, () => {
      const results = aggregateRuns(records, { ...wholeRun, ...context });

      expect(results.partial_reasons).toEqual(reasons);
      expect(results.partial).toBe(reasons.length > 0);
    });
  }

  test('passes the context through untouched', () => {
    const settings = publicSettings({ users: 2 });
    const shard = { current: 2, total: 3 };

    const results = aggregateRuns(finished, { ...wholeRun, settings, shard, aborted: true });

    expect(results).toMatchObject({ settings, shard, aborted: true, interrupted: false });
  });
});
