// How aggregateRuns scales with the number of users: one enqueue and ~11 polls per user, the
// shape of a 60 s pipeline polled every 5 s. Prints figures side by side; asserts nothing.
//
//   npx tsx bench/aggregate.ts
import { performance } from 'node:perf_hooks';

import { aggregateRuns } from '../src/results';

import type { AggregateContext } from '../src/results';
import type { RequestSample, UserRecord } from '../src/records';

const USER_COUNTS = [100, 10_000, 100_000];
const POLLS_PER_USER = 11;
const ROUNDS = 3;
const START_MS = Date.UTC(2026, 0, 1);

const context: AggregateContext = {
  settings: null,
  shard: null,
  shardsMerged: 1,
  interrupted: false,
  aborted: false,
  partialReasons: [],
};

// A fixed linear congruential sequence keeps the data identical from one run to the next.
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

function makeRecords(users: number): UserRecord[] {
  const random = makeRandom(users);
  return Array.from({ length: users }, (_, user) => {
    const startMs = START_MS + user * 150 + random() * 20;
    const enqueueMs = 20 + random() * 400;
    const requests: RequestSample[] = [
      {
        kind: 'enqueue',
        start_ms: startMs,
        duration_ms: enqueueMs,
        status: 202,
        error: null,
        retry: false,
        server_ms: null,
      },
    ];
    for (let poll = 1; poll <= POLLS_PER_USER; poll++) {
      const pollStartMs = startMs + poll * 5_000;
      const durationMs = 5 + random() * 80;
      requests.push({
        kind: 'poll',
        start_ms: pollStartMs,
        duration_ms: durationMs,
        status: 200,
        error: null,
        retry: false,
        server_ms: null,
      });
    }
    const totalMs = POLLS_PER_USER * 5_000 + random() * 100;
    const completed = random() > 0.05;
    return {
      user,
      project_id: `p${user % 5}`,
      shard: 1,
      outcome: completed ? 'completed' : 'failed',
      task_id: `task-${user}`,
      http_status: null,
      error_code: completed ? null : 'provider_error',
      error: completed ? null : 'LLM provider returned 500',
      enqueue_ms: enqueueMs,
      total_ms: totalMs,
      polls: POLLS_PER_USER,
      reused: false,
      execution_mode: 'local',
      last_status: completed ? 'completed' : 'failed',
      last_step: null,
      last_progress: 100,
      scheduled_start_ms: START_MS + user * 150,
      actual_start_ms: startMs,
      end_ms: startMs + totalMs,
      requests,
    };
  });
}

function shuffleInPlace<T>(values: T[], random: () => number): void {
  for (let index = values.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [values[index], values[other]] = [values[other], values[index]];
  }
}

function main(): void {
  console.log(`aggregateRuns, ${POLLS_PER_USER + 1} samples per user, best of ${ROUNDS} rounds`);
  console.log(
    'users'.padStart(9),
    'samples'.padStart(11),
    'best ms'.padStart(10),
    'us/user'.padStart(9),
  );

  for (const users of USER_COUNTS) {
    const records = makeRecords(users);
    // Merged shards arrive interleaved; a shuffle makes the sort do real work (a reversed
    // array would be one descending run for TimSort and cost nothing).
    shuffleInPlace(records, makeRandom(7));
    aggregateRuns(records, context); // warm-up so the JIT has compiled the hot paths

    let bestMs = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      const startedMs = performance.now();
      aggregateRuns(records, context);
      bestMs = Math.min(bestMs, performance.now() - startedMs);
    }

    const samples = users * (POLLS_PER_USER + 1);
    const microsPerUser = (bestMs * 1000) / users;
    console.log(
      String(users).padStart(9),
      String(samples).padStart(11),
      bestMs.toFixed(1).padStart(10),
      microsPerUser.toFixed(2).padStart(9),
    );
  }
}

main();
