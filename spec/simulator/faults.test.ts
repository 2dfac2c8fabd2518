import { PROJECTS, TOKEN, callApi, expect, field, pollUntil, sleep, test } from './sim-fixture';

const ENQUEUE = `/api/projects/${PROJECTS[0]}/generate-theory`;

test.describe('HTTP fault answers (SIM_FAULT_HTTP_RATE)', () => {
  const expected: ReadonlyArray<[number, string, string | null]> = [
    [429, 'Too Many Requests', '3'],
    [500, 'Internal Server Error', null],
    [502, 'Bad Gateway', null],
    [503, 'Service Unavailable', '3'],
  ];
  for (const [status, text, retryAfter] of expected) {
    test(`answers ${status} ${text}${retryAfter ? ' with Retry-After' : ''} and creates no task`, async ({
      launch,
    }) => {
      const sim = await launch({
        faultHttpRate: 1,
        faultHttpStatuses: [status],
        faultRetryAfterSeconds: 3,
      });

      const answer = await sim.enqueue();

      expect(answer.status).toBe(status);
      expect(answer.text).toBe(text);
      expect(answer.headers.get('retry-after')).toBe(retryAfter);
      expect(answer.headers.get('server-timing')).toMatch(/^app;dur=/);
      expect(sim.stats().tasks.created).toBe(0);
      expect(sim.stats().faults.http).toBe(1);
      expect(sim.stats().requests.by_route.enqueue).toEqual({ [String(status)]: 1 });
    });
  }

  test('touches only the routes SIM_FAULT_ROUTES names', async ({ launch }) => {
    const sim = await launch({
      faultHttpRate: 1,
      faultRoutes: ['status'],
      faultHttpStatuses: [502],
    });

    const enqueued = await sim.enqueue();
    const status = await sim.status(PROJECTS[0], String(field(enqueued.json, 'task_id')));
    const health = await sim.api('/health');

    expect(enqueued.status).toBe(202);
    expect(status.status).toBe(502);
    expect(health.status).toBe(200);
  });

  test('a share below 1 hits the same requests for the same SIM_SEED', async ({ launch }) => {
    const sequence = async (seed: number) => {
      const sim = await launch({ seed, faultHttpRate: 0.5, faultRoutes: ['health'] });
      const statuses: number[] = [];
      for (let index = 0; index < 40; index += 1) statuses.push((await sim.api('/health')).status);
      return statuses;
    };

    const first = await sequence(3);
    const again = await sequence(3);

    expect(again).toEqual(first);
    const faulted = first.filter((status) => status !== 200).length;
    expect(faulted).toBeGreaterThanOrEqual(8);
    expect(faulted).toBeLessThanOrEqual(32);
  });
});

test.describe('faults that bend or withhold the answer', () => {
  test('SIM_FAULT_DELAY holds the real answer past a short client timeout', async ({ launch }) => {
    const sim = await launch({
      faultDelayRate: 1,
      faultDelaySeconds: 0.4,
      faultRoutes: ['health'],
    });

    const impatient = fetch(`${sim.url}/health`, { signal: AbortSignal.timeout(100) });
    await expect(impatient).rejects.toThrow(/timeout|aborted/i);
    const patient = await sim.api('/health');

    expect(patient.status).toBe(200);
    const durationMs = Number(patient.headers.get('server-timing')?.split('dur=')[1]);
    // Node timers may fire a fraction of a millisecond before the hrtime clock says so.
    expect(durationMs).toBeGreaterThanOrEqual(390);
    expect(sim.stats().faults.delayed).toBe(2);
  });

  test('SIM_FAULT_RESET_RATE destroys the connection without an answer', async ({ launch }) => {
    const sim = await launch({ faultResetRate: 1 });

    await expect(sim.enqueue()).rejects.toThrow();

    expect(sim.stats().requests.by_route.enqueue).toEqual({ reset: 1 });
    expect(sim.stats().faults.reset).toBe(1);
    expect(sim.stats().tasks.created).toBe(0);
  });

  test('SIM_FAULT_MALFORMED_RATE cuts the JSON body short but keeps the status', async ({
    launch,
  }) => {
    const sim = await launch({ faultMalformedRate: 1, faultRoutes: ['status'] });
    const enqueued = await sim.enqueue();

    const answer = await sim.status(PROJECTS[0], String(field(enqueued.json, 'task_id')));

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(sim.stats().faults.malformed).toBe(1);
  });

  test('SIM_FAULT_MISSING_TASK_ID_RATE answers 202 without task_id; the task still runs', async ({
    launch,
  }) => {
    const sim = await launch({ faultMissingTaskIdRate: 1 });

    const answer = await sim.enqueue();

    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({
      status: 'pending',
      next_poll_seconds: 5,
      execution_mode: 'local',
    });
    expect(sim.stats().tasks.created).toBe(1);
    expect(sim.stats().faults.missing_task_id).toBe(1);
  });
});

test.describe('expiring tokens (SIM_TOKEN_TTL_SECONDS)', () => {
  test('a token expires after the TTL with 401 "Signature has expired." and a fresh one works', async ({
    launch,
  }) => {
    const sim = await launch({ tokenTtlSeconds: 0.3, pipelineSeconds: 60 });
    const enqueued = await sim.enqueue();
    const taskId = String(field(enqueued.json, 'task_id'));

    await sleep(450);
    const expired = await sim.status(PROJECTS[0], taskId);
    const minted = await sim.api('/__sim/token', { method: 'POST', body: { token: TOKEN } });
    const freshToken = String(field(minted.json, 'token'));
    const fresh = await sim.status(PROJECTS[0], taskId, freshToken);

    expect(enqueued.status).toBe(202);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ detail: 'Invalid or expired token: Signature has expired.' });
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');
    expect(minted.json).toMatchObject({ expires_in_seconds: 0.3 });
    expect(fresh.status).toBe(200);
    expect(sim.stats().faults.expired_tokens).toBe(1);
  });

  test('minting for an unknown token is 404', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.api('/__sim/token', { method: 'POST', body: { token: 'nobody' } });

    expect(answer.status).toBe(404);
  });
});

test.describe('restart', () => {
  test('POST /__sim/restart cancels in-flight tasks, then forgets every task', async ({
    launch,
  }) => {
    const sim = await launch({ pipelineSeconds: 60 });
    const enqueued = await sim.enqueue();
    const taskId = String(field(enqueued.json, 'task_id'));

    const restarted = await sim.api('/__sim/restart', { method: 'POST' });
    const after = await sim.status(PROJECTS[0], taskId);

    expect(restarted.status).toBe(200);
    expect(after.status).toBe(404);
    expect(after.json).toEqual({ detail: 'Task not found' });
    expect(sim.stats()).toMatchObject({
      restarts: 1,
      tasks: {
        live: 0,
        by_outcome: { canceled: 1, running: 0, pending: 0 },
        failed_by_error_code: { CANCELED: 1 },
      },
      running_pipelines: 0,
    });
  });

  test('SIM_RESTART_EVERY_SECONDS restarts on its own', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60, restartEverySeconds: 0.2 });
    const enqueued = await sim.enqueue();

    // Wait for the restart that caught this task; an earlier one may have found nothing.
    await pollUntil(
      async () => sim.stats().tasks.by_outcome.canceled,
      (canceled) => canceled >= 1,
    );
    const after = await callApi(
      sim.url,
      ENQUEUE + '/status/' + String(field(enqueued.json, 'task_id')),
    );

    expect(after.status).toBe(404);
    expect(sim.stats().tasks.by_outcome.canceled).toBe(1);
  });
});
