import { expect, test } from '@playwright/test';

import { newUserRecord, runUser } from '../src/flow';
import { serverTimingMs } from '../src/timed-request';
import { scriptedTransport, taskState, virtualClock } from './helpers/fake-transport';

import type { FlowSettings } from '../src/flow';
import type { ScriptStep } from './helpers/fake-transport';

const SETTINGS: FlowSettings = Object.freeze({
  enqueueBody: { min_interviews: 1, use_model_router: true },
  pollIntervalS: 5,
  pipelineTimeoutS: 60,
});
const ACCEPTED: ScriptStep = {
  status: 202,
  body: { task_id: 't-1', status: 'pending', next_poll_seconds: 5, execution_mode: 'local' },
  tookMs: 40,
};

async function run(enqueue: ScriptStep, polls: ScriptStep[] = [], settings = SETTINGS) {
  const clock = virtualClock();
  const startMs = clock.nowMs() + 1000;
  const record = newUserRecord({ user: 3, projectId: 'p-3', scheduledStartMs: startMs }, 1);
  const transport = scriptedTransport(clock, enqueue, polls);
  await runUser(record, transport, settings, clock);
  return { record, transport, clock, startMs };
}

test.describe('runUser', () => {
  test('waits for its schedule slot, enqueues once and polls until completed', async () => {
    const { record, transport, startMs } = await run(ACCEPTED, [
      taskState('running', { step: 'pipeline_start', progress: 2 }),
      taskState('completed', { step: 'completed', progress: 100 }),
    ]);

    expect(record.actual_start_ms).toBe(startMs);
    expect(record.outcome).toBe('completed');
    expect(record.task_id).toBe('t-1');
    expect(record.enqueue_ms).toBe(40);
    expect(record.polls).toBe(2);
    expect(record.execution_mode).toBe('local');
    expect(record.last_progress).toBe(100);
    expect(transport.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /projects/p-3/generate-theory',
      'GET /projects/p-3/generate-theory/status/t-1',
      'GET /projects/p-3/generate-theory/status/t-1',
    ]);
    expect(transport.sent[0].body).toEqual(SETTINGS.enqueueBody);
    expect(record.total_ms).toBe(record.end_ms! - startMs);
  });

  test('sleeps max(poll interval, next_poll_seconds) between polls', async () => {
    const { clock } = await run(ACCEPTED, [
      taskState('running', { next_poll_seconds: 8 }),
      taskState('running', { next_poll_seconds: 2 }),
      taskState('completed'),
    ]);
    // 1 s to the slot, then 8 s (the hint beats the interval), then 5 s (the interval wins).
    expect(clock.sleeps).toEqual([1000, 8000, 5000]);
  });

  test('records a failed task with its error and error_code', async () => {
    const { record } = await run(ACCEPTED, [
      taskState('failed', {
        error: 'Theory generation failed: Error code: 429',
        error_code: 'PIPELINE_ERROR',
      }),
    ]);
    expect(record.outcome).toBe('failed');
    expect(record.error_code).toBe('PIPELINE_ERROR');
    expect(record.error).toContain('429');
  });

  test('times out at the pipeline timeout with one last poll at the deadline', async () => {
    const { record, startMs } = await run(ACCEPTED, [taskState('pending')], {
      ...SETTINGS,
      pipelineTimeoutS: 12,
    });
    expect(record.outcome).toBe('timeout');
    expect(record.error).toContain('no terminal status after 12 s (last: pending/?/?)');
    const lastPoll = record.requests.at(-1)!;
    expect(lastPoll.start_ms).toBe(startMs + 12_000);
    expect(record.polls).toBe(4);
  });

  const enqueueCases: { title: string; step: ScriptStep; outcome: string; error: RegExp }[] = [
    {
      title: 'a 500 with a bare body',
      step: { status: 500, text: 'Internal Server Error' },
      outcome: 'enqueue_failed',
      error: /^status=500 detail=Internal Server Error$/,
    },
    {
      title: 'a 409 with a FastAPI detail',
      step: { status: 409, body: { detail: 'A theory generation task is already running' } },
      outcome: 'enqueue_failed',
      error: /^status=409 detail=A theory generation task is already running$/,
    },
    {
      title: 'a 202 without task_id',
      step: { status: 202, body: { status: 'pending' } },
      outcome: 'enqueue_invalid',
      error: /^202 with no task_id/,
    },
    {
      title: 'a 202 with malformed JSON',
      step: { status: 202, text: '{"task_id": ' },
      outcome: 'enqueue_invalid',
      error: /^202 with body is not JSON/,
    },
    {
      title: 'a refused connection',
      step: { fail: 'other', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      outcome: 'exception',
      error: /ECONNREFUSED/,
    },
  ];
  for (const { title, step, outcome, error } of enqueueCases) {
    test(`ends as ${outcome} on ${title}`, async () => {
      const { record, transport } = await run(step);
      expect(record.outcome).toBe(outcome);
      expect(record.error).toMatch(error);
      expect(transport.sent).toHaveLength(1);
      expect(record.total_ms).not.toBeNull();
    });
  }

  test('keeps enqueue_ms null when the enqueue got no answer', async () => {
    const { record } = await run({ fail: 'timeout', message: 'Timeout 30000ms exceeded' });
    expect(record.enqueue_ms).toBeNull();
    expect(record.requests[0]).toMatchObject({ status: null, error: 'Timeout 30000ms exceeded' });
  });

  test('marks a reused task', async () => {
    const reused = { status: 202, body: { task_id: 't-1', status: 'running', reused: true } };
    const { record } = await run(reused, [taskState('completed')]);
    expect(record.reused).toBe(true);
    expect(record.outcome).toBe('completed');
  });

  test('ends as status_failed on a non-200 poll, keeping its status', async () => {
    const { record } = await run(ACCEPTED, [{ status: 404, body: { detail: 'Task not found' } }]);
    expect(record).toMatchObject({ outcome: 'status_failed', http_status: 404 });
    expect(record.error).toBe('status=404 detail=Task not found');
  });

  test('resends a poll once after a keep-alive race and records both samples', async () => {
    const { record } = await run(ACCEPTED, [
      { fail: 'connection_closed', message: 'socket hang up' },
      taskState('completed'),
    ]);
    expect(record.outcome).toBe('completed');
    expect(record.requests.map((r) => [r.kind, r.status, r.retry])).toEqual([
      ['enqueue', 202, false],
      ['poll', null, false],
      ['poll', 200, true],
    ]);
  });

  test('does not resend twice: a second closed connection ends the user as exception', async () => {
    const closed: ScriptStep = { fail: 'connection_closed', message: 'socket hang up' };
    const { record } = await run(ACCEPTED, [closed, closed, taskState('completed')]);
    expect(record.outcome).toBe('exception');
    expect(record.polls).toBe(2);
  });

  test('does not resend a poll that timed out', async () => {
    const { record } = await run(ACCEPTED, [
      { fail: 'timeout', message: 'Timeout 30000ms exceeded' },
    ]);
    expect(record.outcome).toBe('exception');
    expect(record.polls).toBe(1);
  });

  test('stays unfinished when aborted before its slot', async () => {
    const clock = virtualClock();
    const record = newUserRecord({ user: 0, projectId: 'p', scheduledStartMs: clock.nowMs() }, 1);
    const transport = scriptedTransport(clock, ACCEPTED);
    await runUser(record, transport, SETTINGS, clock, AbortSignal.abort());
    expect(record.outcome).toBe('unfinished');
    expect(transport.sent).toHaveLength(0);
  });

  test('keeps the server handling time from Server-Timing', async () => {
    const timed = { ...ACCEPTED, headers: { 'server-timing': 'app;dur=1.25' } };
    const { record } = await run(timed, [taskState('completed')]);
    expect(record.requests[0].server_ms).toBe(1.25);
  });
});

test('serverTimingMs sums every dur and ignores a header without one', () => {
  expect(serverTimingMs('db;dur=2.5, app;dur=1')).toBe(3.5);
  expect(serverTimingMs('cache;desc=hit')).toBeNull();
  expect(serverTimingMs(undefined)).toBeNull();
});
