// Frozen test data in the shared record format. Every builder deep-freezes what it returns, so
// a function under test that mutates its input throws instead of passing by accident.
import type { PublicSettings, RequestSample, UserRecord } from '../../src/records';

/** Epoch ms of user 0's scheduled start in every fixture: 2026-01-01T00:00:00.000Z. */
export const T0_MS = Date.UTC(2026, 0, 1);

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** A request sample: an answered poll of 20 ms at T0 unless overridden. */
export function requestSample(overrides: Partial<RequestSample> = {}): RequestSample {
  return deepFreeze({
    kind: 'poll',
    start_ms: T0_MS,
    duration_ms: 20,
    status: 200,
    error: null,
    retry: false,
    server_ms: null,
    ...overrides,
  });
}

/**
 * A user record: by default user 0 on project `p1`, completed after a 100 ms enqueue and two
 * 20 ms polls, started on schedule and ended `total_ms` (10 s) later.
 */
export function userRecord(overrides: Partial<UserRecord> = {}): UserRecord {
  const user = overrides.user ?? 0;
  const scheduledMs = overrides.scheduled_start_ms ?? T0_MS + user * 150;
  const actualMs =
    overrides.actual_start_ms === undefined ? scheduledMs : overrides.actual_start_ms;
  const totalMs = overrides.total_ms === undefined ? 10_000 : overrides.total_ms;
  const requests = overrides.requests ?? [
    requestSample({ kind: 'enqueue', start_ms: scheduledMs, duration_ms: 100, status: 202 }),
    requestSample({ start_ms: scheduledMs + 5_000, duration_ms: 20 }),
    requestSample({ start_ms: scheduledMs + 9_980, duration_ms: 20 }),
  ];
  return deepFreeze({
    user,
    project_id: 'p1',
    shard: 1,
    outcome: 'completed',
    task_id: `task-${user}`,
    http_status: null,
    error_code: null,
    error: null,
    enqueue_ms: 100,
    total_ms: totalMs,
    polls: requests.filter((sample) => sample.kind === 'poll').length,
    reused: false,
    execution_mode: 'local',
    last_status: 'completed',
    last_step: null,
    last_progress: 100,
    scheduled_start_ms: scheduledMs,
    actual_start_ms: actualMs,
    end_ms: actualMs === null || totalMs === null ? null : actualMs + totalMs,
    ...overrides,
    requests,
  });
}

/** Settings of a small simulator run; `users` and `project_ids` are the ones that matter. */
export function publicSettings(overrides: Partial<PublicSettings> = {}): PublicSettings {
  return deepFreeze({
    base_url: 'http://127.0.0.1:0/api',
    simulator: true,
    project_ids: ['p1', 'p2'],
    users: 4,
    spawn_interval_s: 0.15,
    poll_interval_s: 5,
    pipeline_timeout_s: 1200,
    request_timeout_s: 30,
    insecure: false,
    enqueue_body: { min_interviews: 1, use_model_router: true },
    output: 'load-results/results.json',
    groups: 1,
    start_at_ms: T0_MS,
    ...overrides,
  });
}

/** A deterministic pseudo-random source (mulberry32) so shuffles repeat from one seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A shuffled copy (Fisher-Yates); the input is left as it was. */
export function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const MIXED_OUTCOMES = ['completed', 'completed', 'completed', 'failed', 'timeout'] as const;

/**
 * A run of `users` varied records: several outcomes, projects p1..p3, reused tasks, unanswered
 * enqueues and polls, lagging starts. Values are irregular floats so order-dependent sums or
 * sorts would show up in the last bit.
 */
export function mixedRun(users: number, seed: number): UserRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: users }, (_, user) => {
    const scheduledMs = T0_MS + user * 150;
    const startMs = scheduledMs + random() * 40;
    const answered = random() > 0.1;
    const enqueueMs = 50 + random() * 900;
    const polls = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, poll) =>
      requestSample({
        start_ms: startMs + enqueueMs + poll * 5_000,
        duration_ms: 5 + random() * 60,
        status: random() > 0.05 ? 200 : null,
        error: null,
      }),
    );
    const outcome = answered ? MIXED_OUTCOMES[user % MIXED_OUTCOMES.length] : 'exception';
    const totalMs = 1_000 + random() * 60_000;
    return userRecord({
      user,
      project_id: `p${(user % 3) + 1}`,
      outcome,
      task_id: answered ? `task-${user % 7 === 0 ? 0 : user}` : null,
      reused: answered && user % 7 === 0 && user > 0,
      error: outcome === 'failed' ? 'llm provider error' : null,
      enqueue_ms: answered ? enqueueMs : null,
      total_ms: totalMs,
      scheduled_start_ms: scheduledMs,
      actual_start_ms: startMs,
      end_ms: startMs + totalMs,
      requests: [
        requestSample({
          kind: 'enqueue',
          start_ms: startMs,
          duration_ms: enqueueMs,
          status: answered ? 202 : null,
          error: answered ? null : 'read ECONNRESET',
        }),
        ...(answered ? polls : []),
      ],
    });
  });
}
