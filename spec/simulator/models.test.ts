import { readFile } from 'node:fs/promises';

import { PROJECTS, enqueueTasks, expect, field, pollUntil, test } from './sim-fixture';
import { openSimLog } from '../../simulator/sim-log';
import { defaultSimSettings } from '../../simulator/settings';
import { StatsCounter } from '../../simulator/stats';
import { TaskEngine } from '../../simulator/task-engine';

import type { SimHandle } from './sim-fixture';

async function finalBodies(sim: SimHandle, taskIds: string[]) {
  await pollUntil(
    async () => sim.stats().tasks.by_outcome,
    (outcome) => outcome.running + outcome.pending === 0,
    200,
  );
  return Promise.all(
    taskIds.map(async (taskId, index) => {
      const answer = await sim.status(PROJECTS[index % PROJECTS.length], taskId);
      return answer.json as { status: string; error: string | null; error_code: string | null };
    }),
  );
}

test.describe('LLM provider rate limit', () => {
  // 5 pipelines x 3 interviews x 8 fragments = 120 calls against a limit of 100.
  const crowded = { maxConcurrentTasks: 5, pipelineSeconds: 1.1, pipelineJitter: 0 };

  test('calls over the limit get 429 and their task fails with PIPELINE_ERROR', async ({
    launch,
  }) => {
    const sim = await launch(crowded);
    const taskIds = await enqueueTasks(sim, 5);

    const bodies = await finalBodies(sim, taskIds);

    const failed = bodies.filter((body) => body.status === 'failed');
    expect(bodies.filter((body) => body.status === 'completed')).toHaveLength(4);
    expect(failed).toHaveLength(1);
    expect(failed[0].error_code).toBe('PIPELINE_ERROR');
    expect(failed[0].error).toMatch(/^Theory generation failed: Error code: 429 - \{'error': /);
    expect(sim.stats().llm).toMatchObject({ calls: 120, rate_limited: 20, peak_in_flight: 100 });
    expect(sim.stats().tasks.failed_by_error_code).toEqual({ PIPELINE_ERROR: 1 });
  });

  test("the runbook's tuning (interviews 2, fragments 6) keeps the same load under the limit", async ({
    launch,
  }) => {
    const sim = await launch({ ...crowded, interviewConcurrency: 2, fragmentConcurrency: 6 });
    const taskIds = await enqueueTasks(sim, 5);

    const bodies = await finalBodies(sim, taskIds);

    expect(bodies.every((body) => body.status === 'completed')).toBe(true);
    expect(sim.stats().llm).toMatchObject({ calls: 60, rate_limited: 0, peak_in_flight: 60 });
  });
});

test.describe('DB pool (DB_POOL_SIZE + DB_MAX_OVERFLOW, DB_POOL_TIMEOUT)', () => {
  test('running pipelines hold the connections and the next enqueue gets a bare 500', async ({
    launch,
  }) => {
    const sim = await launch({
      pipelineSeconds: 60,
      maxConcurrentTasks: 10,
      dbPoolSize: 1,
      dbMaxOverflow: 1,
      dbPoolTimeoutSeconds: 0.2,
    });
    await enqueueTasks(sim, 2);
    await pollUntil(
      async () => sim.stats().db.in_use,
      (inUse) => inUse === 2,
    );

    const third = await sim.enqueue(PROJECTS[2]);

    expect(third.status).toBe(500);
    expect(third.text).toBe('Internal Server Error');
    expect(third.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(sim.stats().db).toMatchObject({ capacity: 2, in_use: 2, pool_timeouts: 1 });
    expect(sim.stats().tasks.created).toBe(2);
  });

  test('a pipeline that waits past the pool timeout fails with the pool text', async () => {
    const settings = { ...defaultSimSettings(), dbPoolSize: 1, dbMaxOverflow: 0 };
    const stats = new StatsCounter();
    const engine = new TaskEngine(
      { ...settings, dbPoolTimeoutSeconds: 0.05 },
      openSimLog(undefined),
      stats,
    );
    const request = { minInterviews: 1, useModelRouter: true };

    engine.createTask(PROJECTS[0], 'owner', request);
    const second = engine.createTask(PROJECTS[1], 'owner', request);
    await pollUntil(
      async () => second.status,
      (status) => status === 'failed',
    );
    engine.shutdown();

    expect(second.errorCode).toBe('PIPELINE_ERROR');
    const poolText =
      'QueuePool limit of size 1 overflow 0 reached, connection timed out, timeout 0.05';
    expect(second.error).toBe(`Theory generation failed: ${poolText}`);
    expect(second.history.map(([step]) => step)).toEqual([
      'queued',
      'pipeline_start',
      'load_project',
      'failed',
    ]);
  });
});

test.describe('pipeline outcomes', () => {
  test('SIM_FAIL_RATE 1 fails every pipeline with PIPELINE_ERROR after identify', async ({
    launch,
  }) => {
    const sim = await launch({ failRate: 1, pipelineSeconds: 0.2 });
    const taskIds = await enqueueTasks(sim, 3);

    const bodies = await finalBodies(sim, taskIds);
    const inspected = await sim.api(`/__sim/tasks/${taskIds[0]}`);

    for (const body of bodies) {
      expect(body).toMatchObject({ status: 'failed', step: 'failed', progress: 100 });
      expect(body.error_code).toBe('PIPELINE_ERROR');
      expect(body.error).toMatch(/^Theory generation failed: /);
    }
    const steps = (field(inspected.json, 'history') as Array<[string, number]>).map(
      ([step]) => step,
    );
    expect(steps.slice(-2)).toEqual(['identify_central_category', 'failed']);
    expect(sim.stats().tasks.failed_by_error_code).toEqual({ PIPELINE_ERROR: 3 });
  });

  test('unsupported_parameter lines reach SIM_LOG_FILE in both contract forms, tasks unharmed', async ({
    launch,
  }, testInfo) => {
    const logFile = testInfo.outputPath('sim.log');
    const sim = await launch({ unsupportedParameterRate: 1, pipelineSeconds: 0.2, logFile });
    const taskIds = await enqueueTasks(sim, 8);

    const bodies = await finalBodies(sim, taskIds);
    const logged = sim.stats().unsupported_parameter_logged;
    await sim.close();
    const lines = (await readFile(logFile, 'utf8')).trim().split('\n');

    expect(bodies.every((body) => body.status === 'completed')).toBe(true);
    expect(logged).toBe(8);
    expect(lines).toHaveLength(8);
    const selfHealing =
      /^Model 'gpt-5\.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying\.$/;
    const routerError = String.raw`^Model Router error: Error code: 400 - \{.*`;
    const unsupportedCode = String.raw`'code': 'unsupported_(parameter|value)'\}\}`;
    const fallback = String.raw`\. Falling back to Kimi-K2\.5\.$`;
    const providerText = new RegExp(routerError + unsupportedCode + fallback);
    expect(lines.every((line) => selfHealing.test(line) || providerText.test(line))).toBe(true);
    expect(lines.some((line) => selfHealing.test(line))).toBe(true);
    expect(lines.some((line) => providerText.test(line))).toBe(true);
  });

  test('pipeline lengths follow SIM_PIPELINE_JITTER and repeat for the same SIM_SEED', async ({
    launch,
  }) => {
    const shape = { pipelineSeconds: 10, pipelineJitter: 0.5 };
    const planned = async (seed: number) => {
      const sim = await launch({ ...shape, seed });
      const taskIds = await enqueueTasks(sim, 6);
      const inspected = await Promise.all(
        taskIds.map((taskId) => sim.api(`/__sim/tasks/${taskId}`)),
      );
      return inspected.map((answer) => Number(field(answer.json, 'planned_pipeline_seconds')));
    };

    const first = await planned(11);
    const again = await planned(11);
    const other = await planned(12);

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.every((seconds) => seconds >= 5 && seconds <= 15)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(1);
  });
});
