import { expect, test } from '@playwright/test';

import { adviseRun } from '../../src/judge/advice';
import { INITIAL_PROFILE } from '../../src/judge/backend-profile';
import { nextStep } from '../../src/judge/knob-steps';
import { EMPTY_SCAN, scanLogLines } from '../../src/judge/unsupported-scan';
import { T0_MS, deepFreeze, requestSample } from '../helpers/records';
import { runOf, runResults, usersWith } from './build-results';

import type { BackendProfile, ProfileKey } from '../../src/judge/backend-profile';
import type { Advice, RunResults } from '../../src/records';

const profile = (changes: Partial<BackendProfile> = {}): BackendProfile =>
  deepFreeze({ ...INITIAL_PROFILE, ...changes });

const rules = (advice: Advice[]) => advice.map((entry) => entry.rule);
const only = (advice: Advice[], rule: string): Advice => {
  const found = advice.find((entry) => entry.rule === rule);
  if (found === undefined) throw new Error(`no ${rule} advice in [${rules(advice).join(', ')}]`);
  return found;
};

const clean = runResults(usersWith(30, 'completed'));

test('gives no advice for a clean run', () => {
  expect(adviseRun(clean, profile(), EMPTY_SCAN)).toEqual([]);
});

test.describe('runbook rule 1: timeouts', () => {
  const timedOut = runResults([
    ...usersWith(4, 'timeout', {
      last_status: 'running',
      last_step: 'pipeline_start',
      total_ms: 1_200_000,
    }),
    ...usersWith(
      1,
      'timeout',
      { last_status: 'running', last_step: 'network_metrics', total_ms: 1_200_000 },
      4,
    ),
    ...usersWith(25, 'completed', {}, 5),
  ]);

  test('lowers task concurrency by one and raises the poll hint, citing the timeouts', () => {
    const advice = only(adviseRun(timedOut, profile(), EMPTY_SCAN), 'timeouts');
    expect(advice.source).toBe('runbook');
    expect(advice.changes).toEqual({
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: '3',
      THEORY_STATUS_POLL_HINT_SECONDS: '6',
    });
    expect(advice.message).toContain(
      'Lower THEORY_LOCAL_MAX_CONCURRENT_TASKS from 4 to 3; ' +
        'raise THEORY_STATUS_POLL_HINT_SECONDS from 5 to 6 (runbook: 6-8).',
    );
    expect(advice.evidence).toEqual([
      '5 of 30 users timed out (16.7%)',
      'last seen at: pipeline_start x4, network_metrics x1',
      'timeouts by schedule: 5 in the first third, 0 in the last',
      'total p95 20 min 00 s is 100.0% of the 20 min 00 s pipeline timeout',
    ]);
  });

  test('fires before any timeout when total p95 nears the pipeline timeout', () => {
    const slow = runResults(usersWith(10, 'completed', { total_ms: 1_000_000 }));
    const advice = only(adviseRun(slow, profile(), EMPTY_SCAN), 'timeouts');
    expect(advice.evidence).toEqual([
      'total p95 16 min 40 s is 83.3% of the 20 min 00 s pipeline timeout',
    ]);
  });

  test('stays quiet when total p95 is under 80 % of the pipeline timeout', () => {
    const fine = runResults(usersWith(10, 'completed', { total_ms: 950_000 }));
    expect(rules(adviseRun(fine, profile(), EMPTY_SCAN))).toEqual([]);
  });

  test('names the next step when the profile already took the runbook step', () => {
    const advice = only(
      adviseRun(
        timedOut,
        profile({ THEORY_LOCAL_MAX_CONCURRENT_TASKS: 3, THEORY_STATUS_POLL_HINT_SECONDS: 6 }),
        EMPTY_SCAN,
      ),
      'timeouts',
    );
    expect(advice.changes).toEqual({
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: '2',
      THEORY_STATUS_POLL_HINT_SECONDS: '7',
    });
  });

  test('says the knobs are exhausted instead of repeating them', () => {
    const spent = profile({
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: 1,
      THEORY_STATUS_POLL_HINT_SECONDS: 8,
    });
    const advice = only(adviseRun(timedOut, spent, EMPTY_SCAN), 'timeouts');
    expect(advice.changes).toEqual({});
    expect(advice.message).toContain('THEORY_LOCAL_MAX_CONCURRENT_TASKS is exhausted at 1');
    expect(advice.message).toContain(
      "THEORY_STATUS_POLL_HINT_SECONDS is exhausted at 8 (the runbook's range ends at 8 s)",
    );
  });

  test('leaves tasks stuck in pending to the Celery advice instead', () => {
    const pending = runResults(
      runOf(10, 3, 'timeout', { last_status: 'pending', last_step: 'queued', total_ms: 10_000 }),
    );
    expect(rules(adviseRun(pending, profile(), EMPTY_SCAN))).toEqual(['celery-pending']);
  });
});

test.describe('runbook rule 2: database pool', () => {
  test('fires on bare enqueue 500s and raises the pool to 30/20', () => {
    const results = runResults(
      runOf(20, 2, 'enqueue_failed', {
        http_status: 500,
        error: 'HTTP 500: Internal Server Error',
        task_id: null,
      }),
    );
    const advice = only(adviseRun(results, profile(), EMPTY_SCAN), 'db-pool');
    expect(advice.changes).toEqual({ DB_POOL_SIZE: '30', DB_MAX_OVERFLOW: '20' });
    expect(advice.evidence[0]).toBe('2 enqueues answered a bare HTTP 500');
  });

  test('does not take a Celery dispatch 500 or an auth 500 for a pool problem', () => {
    const results = runResults([
      ...usersWith(1, 'enqueue_failed', {
        http_status: 500,
        error: 'Failed to enqueue theory task',
      }),
      ...usersWith(
        1,
        'enqueue_failed',
        { http_status: 500, error: 'Authentication not configured on server' },
        1,
      ),
      ...usersWith(18, 'completed', {}, 2),
    ]);
    expect(rules(adviseRun(results, profile(), EMPTY_SCAN))).not.toContain('db-pool');
  });

  test('fires on pool errors in task errors', () => {
    const error =
      'Theory generation failed: QueuePool limit of size 20 overflow 10 reached, connection timed out';
    const results = runResults(runOf(10, 1, 'failed', { error }));
    expect(only(adviseRun(results, profile(), EMPTY_SCAN), 'db-pool').evidence[0]).toBe(
      '1 user saw a database pool error',
    );
  });

  test('fires when enqueue p95 reaches the bound', () => {
    const results = runResults(usersWith(10, 'completed', { enqueue_ms: 1600 }));
    const advice = only(
      adviseRun(results, profile(), EMPTY_SCAN, { maxEnqueueP95Ms: 1500 }),
      'db-pool',
    );
    expect(advice.evidence).toContain('enqueue p95 1.60 s >= 1.50 s');
  });

  test('fires when enqueue latency grows from the first to the last third of the schedule', () => {
    const runs = Array.from(
      { length: 12 },
      (_, user) =>
        usersWith(1, 'completed', { enqueue_ms: user < 4 ? 50 : user < 8 ? 200 : 400 }, user)[0],
    );
    const advice = only(adviseRun(runResults(runs), profile(), EMPTY_SCAN), 'db-pool');
    expect(advice.evidence).toContain(
      'enqueue p50 50 ms in the first 4 users by schedule, 400 ms in the last 4 (p95 50 ms -> 400 ms)',
    );
  });

  test('ignores growth that is large in ratio but small in milliseconds', () => {
    const runs = Array.from(
      { length: 12 },
      (_, user) => usersWith(1, 'completed', { enqueue_ms: user < 6 ? 5 : 50 }, user)[0],
    );
    expect(rules(adviseRun(runResults(runs), profile(), EMPTY_SCAN))).toEqual([]);
  });

  test('orders users by schedule, not by their position in the list', () => {
    const runs = Array.from(
      { length: 12 },
      (_, user) => usersWith(1, 'completed', { enqueue_ms: user < 4 ? 50 : 400 }, user)[0],
    ).reverse();
    expect(rules(adviseRun(runResults(runs), profile(), EMPTY_SCAN))).toContain('db-pool');
  });

  test('past the runbook step, grows the pool by 10 and points at max_connections', () => {
    const results = runResults(
      runOf(20, 2, 'enqueue_failed', { http_status: 500, error: null, task_id: null }),
    );
    const advice = only(
      adviseRun(results, profile({ DB_POOL_SIZE: 30, DB_MAX_OVERFLOW: 20 }), EMPTY_SCAN),
      'db-pool',
    );
    expect(advice.changes).toEqual({ DB_POOL_SIZE: '40', DB_MAX_OVERFLOW: '30' });
    expect(advice.message).toContain("past the runbook's 30/20");
    expect(advice.message).toContain('max_connections');
  });
});

test.describe('runbook rule 3: 429s and LLM saturation', () => {
  const error429 =
    "Theory generation failed: Error code: 429 - {'error': {'code': 'RateLimitReached'}}";

  test('lowers fragment and interview concurrency on 429s in failed tasks', () => {
    const results = runResults(runOf(20, 3, 'failed', { error: error429 }));
    const advice = only(adviseRun(results, profile(), EMPTY_SCAN), 'llm-rate-limit');
    expect(advice.changes).toEqual({
      CODING_FRAGMENT_CONCURRENCY: '6',
      THEORY_INTERVIEW_CONCURRENCY: '2',
    });
    expect(advice.evidence[0]).toBe('3 errors mentioning a 429 or a rate limit');
    expect(advice.evidence).toContain(
      "e.g. \"Theory generation failed: Error code: # - {'error': {'code': 'RateLimitReached'}}\"",
    );
  });

  test('counts a task shared by reused users once', () => {
    const runs = usersWith(5, 'failed', { error: error429, task_id: 'shared-task', reused: true });
    const advice = only(
      adviseRun(runResults([...runs, ...usersWith(5, 'completed', {}, 5)]), profile(), EMPTY_SCAN),
      'llm-rate-limit',
    );
    expect(advice.evidence[0]).toBe('1 error mentioning a 429 or a rate limit');
  });

  test('fires on requests answered 429 by a gateway', () => {
    const requests = [requestSample({ kind: 'enqueue', status: 429, start_ms: T0_MS })];
    const results = runResults(
      runOf(10, 1, 'enqueue_failed', {
        http_status: 429,
        error: 'HTTP 429',
        requests,
        task_id: null,
      }),
    );
    expect(only(adviseRun(results, profile(), EMPTY_SCAN), 'llm-rate-limit').evidence).toContain(
      '1 request answered HTTP 429',
    );
  });

  test('fires on empty choices and LLM timeouts, and links empty choices to unsupported parameters', () => {
    const empty =
      "Theory generation failed: Model 'gpt-5.2-chat' returned empty choices after 3 attempts " +
      '(possible rate-limit or content filter).';
    const results = runResults([
      ...usersWith(1, 'failed', { error: empty }),
      ...usersWith(
        1,
        'failed',
        { error: 'Theory generation failed: LLM call timed out after 120s (model=x, attempt 3/3)' },
        1,
      ),
      ...usersWith(18, 'completed', {}, 2),
    ]);
    const scan = scanLogLines([
      "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.",
    ]);
    const advice = only(adviseRun(results, profile(), scan), 'llm-rate-limit');
    expect(advice.evidence.slice(0, 2)).toEqual([
      '2 failed pipelines ended in an LLM timeout, empty choices or failed embeddings',
      'empty choices can also come from unsupported-parameter switching (see that advice)',
    ]);
  });

  test('recognises a rate limit named without the status code', () => {
    const error =
      "Theory generation failed: {'code': 'RateLimitReached', 'message': 'Too Many Requests'}";
    const results = runResults(runOf(10, 1, 'failed', { error }));
    expect(rules(adviseRun(results, profile(), EMPTY_SCAN))).toEqual(['llm-rate-limit']);
  });

  test('does not take a 4290 ms figure or a user id for a 429', () => {
    const results = runResults(
      runOf(10, 1, 'failed', { error: 'Theory generation failed: took 4290 ms' }),
    );
    expect(rules(adviseRun(results, profile(), EMPTY_SCAN))).toEqual([]);
  });

  test('steps past the runbook values and finally says both knobs are spent', () => {
    const results = runResults(runOf(20, 3, 'failed', { error: error429 }));
    const next = only(
      adviseRun(
        results,
        profile({ CODING_FRAGMENT_CONCURRENCY: 6, THEORY_INTERVIEW_CONCURRENCY: 2 }),
        EMPTY_SCAN,
      ),
      'llm-rate-limit',
    );
    expect(next.changes).toEqual({
      CODING_FRAGMENT_CONCURRENCY: '4',
      THEORY_INTERVIEW_CONCURRENCY: '1',
    });
    const spent = only(
      adviseRun(
        results,
        profile({ CODING_FRAGMENT_CONCURRENCY: 1, THEORY_INTERVIEW_CONCURRENCY: 1 }),
        EMPTY_SCAN,
      ),
      'llm-rate-limit',
    );
    expect(spent.changes).toEqual({});
    expect(spent.message).toContain('Both knobs are spent');
  });
});

test.describe('contract traps', () => {
  test('reused tasks: cites reused users, distinct tasks and projects', () => {
    const runs = [
      ...usersWith(2, 'completed'),
      ...usersWith(6, 'completed', { task_id: 'shared', reused: true }, 2),
    ];
    const advice = only(adviseRun(runResults(runs), profile(), EMPTY_SCAN), 'reused-tasks');
    expect(advice).toMatchObject({ source: 'contract', changes: {} });
    expect(advice.evidence).toEqual([
      '6 users of 8 reused a task',
      '3 distinct tasks ran on 1 project',
    ]);
  });

  test('409 loop: a project that only answered 409 is named as the stale-lock loop', () => {
    const runs = [
      ...usersWith(3, 'enqueue_failed', { project_id: 'p2', http_status: 409, task_id: null }),
      ...usersWith(3, 'completed', { project_id: 'p1' }, 3),
    ];
    const advice = only(adviseRun(runResults(runs), profile(), EMPTY_SCAN), 'stale-lock-409');
    expect(advice.evidence).toEqual(['project p2: 3 of 3 enqueues answered 409, 0 tasks started']);
    expect(advice.message).toContain('Project p2 never started a task: the stale-lock loop');
    expect(advice.message).toContain('theory_lock:<project_id>');
  });

  test('409 on a project that also started tasks is not called a loop', () => {
    const runs = [
      ...usersWith(1, 'enqueue_failed', { project_id: 'p1', http_status: 409, task_id: null }),
      ...usersWith(3, 'completed', { project_id: 'p1' }, 1),
    ];
    const advice = only(adviseRun(runResults(runs), profile(), EMPTY_SCAN), 'stale-lock-409');
    expect(advice.evidence).toEqual(['project p1: 1 of 4 enqueues answered 409, 3 tasks started']);
    expect(advice.message).toContain('Another owner held the project lock');
  });

  test('pending at timeout: advises local mode with the Celery evidence', () => {
    const results = runResults(
      runOf(10, 4, 'timeout', {
        last_status: 'pending',
        last_step: 'queued',
        execution_mode: 'celery',
        total_ms: 10_000,
      }),
    );
    const advice = only(adviseRun(results, profile(), EMPTY_SCAN), 'celery-pending');
    expect(advice.changes).toEqual({ THEORY_USE_CELERY: 'false' });
    expect(advice.evidence).toEqual([
      '4 of 4 timeouts last saw status pending (queued x4)',
      '4 of 10 users got execution_mode celery',
    ]);
  });

  test('CANCELED: several canceled tasks point at a restart, with the time window', () => {
    const runs = [
      ...Array.from(
        { length: 3 },
        (_, user) =>
          usersWith(
            1,
            'failed',
            {
              error_code: 'CANCELED',
              error: 'Canceled by user',
              end_ms: T0_MS + 60_000 + user * 500,
            },
            user,
          )[0],
      ),
      ...usersWith(27, 'completed', {}, 3),
    ];
    const advice = only(adviseRun(runResults(runs), profile(), EMPTY_SCAN), 'canceled-tasks');
    expect(advice.evidence).toEqual([
      '3 tasks failed with error_code CANCELED',
      'their users ended within 1.00 s, from 2026-01-01T00:01:00.000Z',
    ]);
  });

  test('CANCELED: a single cancel may be a person and gives no advice', () => {
    const results = runResults(
      runOf(10, 1, 'failed', { error_code: 'CANCELED', error: 'Canceled by user' }),
    );
    expect(rules(adviseRun(results, profile(), EMPTY_SCAN))).toEqual([]);
  });

  test('unsupported_parameter: names the parameters and cites the top messages', () => {
    const scan = scanLogLines([
      "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.",
      "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.",
      "Model 'gpt-5.2-chat' rejected temperature - removing it and retrying.",
    ]);
    const advice = only(adviseRun(clean, profile(), scan), 'unsupported-parameter');
    expect(advice.message).toContain(
      'The model rejects request parameters (max_tokens, temperature).',
    );
    expect(advice.evidence).toEqual([
      '3 occurrences of unsupported_parameter',
      "2x (66.7%) self_healing: \"Model 'gpt-#-chat' rejected max_tokens - switching to " +
        'max_completion_tokens and retrying."',
      '1x (33.3%) self_healing: "Model \'gpt-#-chat\' rejected temperature - removing it and retrying."',
    ]);
  });
});

test('lists runbook rules before contract traps when several fire', () => {
  const runs = [
    ...usersWith(2, 'timeout', { last_status: 'running', total_ms: 1_200_000 }),
    ...usersWith(2, 'enqueue_failed', { http_status: 409, task_id: null, project_id: 'p9' }, 2),
    ...usersWith(16, 'completed', {}, 4),
  ];
  const results: RunResults = runResults(runs);
  expect(rules(adviseRun(results, profile(), EMPTY_SCAN))).toEqual(['timeouts', 'stale-lock-409']);
});

const steps: [ProfileKey, number, number | null][] = [
  ['THEORY_LOCAL_MAX_CONCURRENT_TASKS', 4, 3],
  ['THEORY_LOCAL_MAX_CONCURRENT_TASKS', 2, 1],
  ['THEORY_LOCAL_MAX_CONCURRENT_TASKS', 1, null],
  ['THEORY_STATUS_POLL_HINT_SECONDS', 2, 6],
  ['THEORY_STATUS_POLL_HINT_SECONDS', 7, 8],
  ['THEORY_STATUS_POLL_HINT_SECONDS', 10, null],
  ['DB_POOL_SIZE', 20, 30],
  ['DB_POOL_SIZE', 35, 45],
  ['DB_MAX_OVERFLOW', 10, 20],
  ['CODING_FRAGMENT_CONCURRENCY', 8, 6],
  ['CODING_FRAGMENT_CONCURRENCY', 2, 1],
  ['THEORY_INTERVIEW_CONCURRENCY', 3, 2],
  ['THEORY_INTERVIEW_CONCURRENCY', 1, null],
];
for (const [key, current, next] of steps) {
  test(`nextStep takes ${key} from ${current} to ${next ?? 'exhausted'}`, () => {
    expect(nextStep(profile({ [key]: current }), key).next).toBe(next);
  });
}
