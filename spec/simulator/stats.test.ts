import { PROJECTS, expect, field, pollUntil, test } from './sim-fixture';

import type { SimStats } from '../../simulator/stats';

test.describe('/__sim/stats', () => {
  test('agrees request by request with what the test sent', async ({ launch }) => {
    const sim = await launch({ pipelineSeconds: 0.2 });
    const enqueuePath = `/api/projects/${PROJECTS[0]}/generate-theory`;

    const taskIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      taskIds.push(String(field((await sim.enqueue()).json, 'task_id')));
    }
    await sim.api(enqueuePath, { method: 'POST', token: null, body: {} });
    await sim.api(enqueuePath, { method: 'POST' });
    for (const taskId of taskIds) {
      await pollUntil(
        () => sim.status(PROJECTS[0], taskId),
        (answer) => field(answer.json, 'status') === 'completed',
      );
    }
    const statusCountsBefore = sim.stats().requests.by_route.status['200'];
    await sim.status(PROJECTS[0], 'unknown');
    await sim.cancel(PROJECTS[0], taskIds[0]);
    await sim.api('/health');
    await sim.api('/health');
    await sim.api(enqueuePath);
    await sim.api('/__sim/stats');
    await sim.api('/__sim/tasks/unknown');

    const stats = sim.stats();
    const overHttp = (await sim.api('/__sim/stats')).json as SimStats;

    expect(stats.requests.by_route).toEqual({
      enqueue: { '202': 3, '401': 1, '422': 1 },
      status: { '200': statusCountsBefore, '404': 1 },
      cancel: { '200': 1 },
      health: { '200': 2 },
      other: { '405': 1 },
    });
    expect(stats.requests.total).toBe(5 + statusCountsBefore + 1 + 1 + 2 + 1);
    expect(stats.tasks).toEqual({
      created: 3,
      reused_replies: 0,
      live: 3,
      by_outcome: { completed: 3, failed: 0, canceled: 0, running: 0, pending: 0 },
      failed_by_error_code: {},
    });
    expect(stats.peak_running_pipelines).toBeGreaterThanOrEqual(1);
    expect(stats.llm).toMatchObject({ calls: 72, rate_limited: 0 });
    expect(stats.db.pool_timeouts).toBe(0);
    expect(stats.unsupported_parameter_logged).toBe(0);
    // Everything but the uptime, which moves between the two reads.
    expect({ ...overHttp, uptime_seconds: 0 }).toEqual({ ...stats, uptime_seconds: 0 });
  });

  test('a snapshot is detached from later traffic', async ({ launch }) => {
    const sim = await launch();

    const before = sim.stats();
    await sim.api('/health');

    expect(before.requests.total).toBe(0);
    expect(sim.stats().requests.total).toBe(1);
  });
});
