import { PROJECTS, TOKEN, expect, field, pollUntil, test } from './sim-fixture';

import type { SimHandle } from './sim-fixture';

const NAIVE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

// The contract's step order; auto_code appears at 25 and again at 40.
const CONTRACT_STEPS: Array<[string, number]> = [
  ['queued', 0],
  ['pipeline_start', 2],
  ['load_project', 5],
  ['load_categories', 10],
  ['auto_code', 25],
  ['auto_code', 40],
  ['neo4j_taxonomy_sync', 45],
  ['network_metrics', 60],
  ['semantic_evidence', 70],
  ['identify_central_category', 80],
  ['build_straussian_paradigm', 87],
  ['analyze_saturation_and_gaps', 93],
  ['save_theory', 97],
  ['completed', 100],
];

async function enqueueOne(sim: SimHandle, projectId = PROJECTS[0]): Promise<string> {
  const answer = await sim.enqueue(projectId);
  expect(answer.status).toBe(202);
  return field(answer.json, 'task_id') as string;
}

async function waitForStatus(sim: SimHandle, taskId: string, wanted: string[]) {
  const answer = await pollUntil(
    () => sim.status(PROJECTS[0], taskId),
    (seen) => wanted.includes(String(field(seen.json, 'status'))),
  );
  expect(wanted).toContain(field(answer.json, 'status'));
  return answer;
}

test.describe('GET status', () => {
  test('answers every contract field, with naive UTC timestamps and a clamped poll hint', async ({
    launch,
  }) => {
    const sim = await launch({ pollHintSeconds: 1, pipelineSeconds: 60 });
    const taskId = await enqueueOne(sim);

    const answer = await sim.status(PROJECTS[0], taskId);

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json as object).sort()).toEqual(
      [
        'task_id',
        'status',
        'step',
        'progress',
        'error',
        'error_code',
        'result',
        'project_id',
        'owner_id',
        'next_poll_seconds',
        'created_at',
        'updated_at',
        'execution_mode',
      ].sort(),
    );
    expect(answer.json).toMatchObject({
      task_id: taskId,
      error: null,
      error_code: null,
      result: null,
      project_id: PROJECTS[0],
      next_poll_seconds: 2,
      execution_mode: 'local',
    });
    expect(['pending', 'running']).toContain(field(answer.json, 'status'));
    expect(field(answer.json, 'owner_id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(field(answer.json, 'created_at')).toMatch(NAIVE_UTC);
    expect(field(answer.json, 'updated_at')).toMatch(NAIVE_UTC);
  });

  test('a completed task has progress 100, step completed and a result with the contract keys', async ({
    launch,
  }) => {
    const sim = await launch({ pipelineSeconds: 0.2 });
    const taskId = await enqueueOne(sim);

    const answer = await waitForStatus(sim, taskId, ['completed']);

    expect(answer.json).toMatchObject({ step: 'completed', progress: 100, error: null });
    const result = field(answer.json, 'result') as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(
      [
        'id',
        'project_id',
        'version',
        'status',
        'confidence_score',
        'generated_by',
        'model_json',
        'propositions',
        'gaps',
        'validation',
        'created_at',
      ].sort(),
    );
    expect(result.status).toBe('completed');
    expect(Object.keys(result.validation as object).sort()).toEqual([
      'budget_debug',
      'gap_analysis',
      'network_metrics_summary',
      'paradigm_validation',
      'pipeline_runtime',
    ]);
    expect(result.validation).toMatchObject({
      pipeline_runtime: { request: { min_interviews: 1, use_model_router: true } },
    });
  });

  test('goes through the contract steps in order with progress only rising', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 0.2 });
    const taskId = await enqueueOne(sim);
    await waitForStatus(sim, taskId, ['completed']);

    const inspected = await sim.api(`/__sim/tasks/${taskId}`);

    expect(field(inspected.json, 'history')).toEqual(CONTRACT_STEPS);
  });

  test('unknown, non-UUID, other-project and other-owner task ids are all 404 Task not found', async ({
    launch,
  }) => {
    const sim = await launch({
      pipelineSeconds: 60,
      tokens: [
        { token: TOKEN, projectIds: PROJECTS },
        { token: 'second-owner', projectIds: [PROJECTS[0]] },
      ],
    });
    const taskId = await enqueueOne(sim);

    const answers = await Promise.all([
      sim.status(PROJECTS[0], '5f0c8f8e-0000-4000-8000-000000000000'),
      sim.status(PROJECTS[0], 'not-even-a-uuid'),
      sim.status(PROJECTS[1], taskId),
      sim.status(PROJECTS[0], taskId, 'second-owner'),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ detail: 'Task not found' });
    }
  });

  test('a project id that is not a UUID is 422 on status', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.status('project-one', 'x');

    expect(answer.status).toBe(422);
    expect(answer.text).toContain('"loc":["path","project_id"]');
  });
});

test.describe('POST cancel', () => {
  test('cancels a running task as failed / canceled / 100 / CANCELED', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60 });
    const taskId = await enqueueOne(sim);
    await waitForStatus(sim, taskId, ['running']);

    const answer = await sim.cancel(PROJECTS[0], taskId);
    const after = await sim.status(PROJECTS[0], taskId);

    expect(answer.status).toBe(200);
    const canceled = {
      status: 'failed',
      step: 'canceled',
      progress: 100,
      error: 'Canceled by user',
      error_code: 'CANCELED',
      result: null,
    };
    expect(answer.json).toMatchObject(canceled);
    expect(after.json).toMatchObject(canceled);
    expect(sim.stats().tasks.by_outcome).toMatchObject({ canceled: 1, running: 0 });
  });

  test('returns a finished task unchanged with 200', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 0.2 });
    const taskId = await enqueueOne(sim);
    const done = await waitForStatus(sim, taskId, ['completed']);

    const answer = await sim.cancel(PROJECTS[0], taskId);

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(done.json);
  });

  test('has the same 404 rules as status', async ({ launch }) => {
    const sim = await launch();

    const answer = await sim.cancel(PROJECTS[0], 'missing');

    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ detail: 'Task not found' });
  });
});
