import { PROJECTS, TOKEN, enqueueTasks, expect, field, pollUntil, test } from './sim-fixture';

test.describe('THEORY_LOCAL_MAX_CONCURRENT_TASKS semaphore', () => {
  test('with 4 slots, 10 tasks show 4 running and 6 waiting at running/pipeline_start/2', async ({
    launch,
  }) => {
    const sim = await launch({ pipelineSeconds: 60 });
    const taskIds = await enqueueTasks(sim, 10);

    await pollUntil(
      async () => sim.stats().tasks.by_outcome.pending,
      (pending) => pending === 0,
    );
    const bodies = await Promise.all(
      taskIds.map(async (taskId, index) => {
        const answer = await sim.status(PROJECTS[index % PROJECTS.length], taskId);
        return answer.json as { status: string; step: string; progress: number };
      }),
    );

    const waiting = bodies.filter((body) => body.step === 'pipeline_start');
    const working = bodies.filter((body) => body.step !== 'pipeline_start');
    expect(bodies.every((body) => body.status === 'running')).toBe(true);
    expect(working).toHaveLength(4);
    expect(waiting).toHaveLength(6);
    expect(waiting.every((body) => body.progress === 2)).toBe(true);
    expect(sim.stats()).toMatchObject({
      running_pipelines: 4,
      peak_running_pipelines: 4,
      semaphore_waiters: 6,
      peak_semaphore_waiters: 6,
    });
  });

  test('a freed slot goes to the oldest waiter', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60, maxConcurrentTasks: 1 });
    const [first, second, third] = await enqueueTasks(sim, 3);
    await pollUntil(
      async () => sim.stats().semaphore_waiters,
      (waiters) => waiters === 2,
    );

    await sim.cancel(PROJECTS[0], first);
    const secondNow = await sim.status(PROJECTS[1], second);
    const thirdNow = await sim.status(PROJECTS[2], third);

    expect(field(secondNow.json, 'step')).toBe('load_project');
    expect(field(thirdNow.json, 'step')).toBe('pipeline_start');
  });
});

test.describe('project lock (SIM_PROJECT_LOCK)', () => {
  const shared = PROJECTS[0];
  const owners = [
    { token: TOKEN, projectIds: PROJECTS },
    { token: 'second-owner', projectIds: [shared] },
  ];

  test('is off by default: every POST starts a new parallel run', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60 });

    const first = await sim.enqueue(shared);
    const second = await sim.enqueue(shared);

    expect(field(second.json, 'task_id')).not.toBe(field(first.json, 'task_id'));
    expect(second.json).not.toHaveProperty('reused');
    expect(sim.stats().tasks.created).toBe(2);
  });

  test('when on, the owner gets 202 reused with the running task', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60, projectLock: true, tokens: owners });
    const first = await sim.enqueue(shared);
    const firstId = field(first.json, 'task_id');
    await pollUntil(
      () => sim.status(shared, String(firstId)),
      (answer) => field(answer.json, 'status') === 'running',
    );

    const again = await sim.enqueue(shared);

    expect(again.status).toBe(202);
    expect(again.json).toEqual({
      task_id: firstId,
      status: 'running',
      reused: true,
      next_poll_seconds: 5,
      execution_mode: 'local',
    });
    expect(sim.stats().tasks).toMatchObject({ created: 1, reused_replies: 1 });
  });

  test('when on, another owner of the same project gets 409', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60, projectLock: true, tokens: owners });
    await sim.enqueue(shared);

    const other = await sim.enqueue(shared, 'second-owner');

    expect(other.status).toBe(409);
    expect(other.json).toEqual({
      detail: 'A theory generation task is already running for this project.',
    });
  });

  test('is released when the task ends, so the next POST starts a new run', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 60, projectLock: true, tokens: owners });
    const first = await sim.enqueue(shared);
    const firstId = String(field(first.json, 'task_id'));

    await sim.cancel(shared, firstId);
    const next = await sim.enqueue(shared, 'second-owner');

    expect(next.status).toBe(202);
    expect(field(next.json, 'task_id')).not.toBe(firstId);
    expect(next.json).not.toHaveProperty('reused');
  });
});
