// One virtual user's journey over a Transport: wait for its slot in the schedule, enqueue once,
// then poll until the task is completed or failed, or the pipeline timeout passes. The record
// is created up front as `unfinished` and filled in as the user goes, so whoever holds it (the
// fixture's teardown on a test timeout, say) always has an honest partial record.
import { detailOf, parseObject } from './answer-body';
import { timed } from './timed-request';

import type { Clock } from './clock';
import type { UserRecord } from './records';
import type { UserPlan } from './schedule';
import type { HttpAnswer, HttpRequest, Transport } from './transport/transport';

export interface FlowSettings {
  enqueueBody: unknown;
  pollIntervalS: number;
  pipelineTimeoutS: number;
}

export function newUserRecord(plan: UserPlan, shard: number): UserRecord {
  return {
    user: plan.user,
    project_id: plan.projectId,
    shard,
    outcome: 'unfinished',
    task_id: null,
    http_status: null,
    error_code: null,
    error: null,
    enqueue_ms: null,
    total_ms: null,
    polls: 0,
    reused: false,
    execution_mode: null,
    last_status: null,
    last_step: null,
    last_progress: null,
    scheduled_start_ms: plan.scheduledStartMs,
    actual_start_ms: null,
    end_ms: null,
    requests: [],
  };
}

/**
 * Runs one user to its outcome, filling `record` in place. Never throws for anything the
 * backend does; an abort (test teardown) leaves the record `unfinished`. When its slot comes,
 * `startVeto` may still refuse the start (abort on failure): the user is then `not_started`.
 */
export async function runUser(
  record: UserRecord,
  transport: Transport,
  settings: FlowSettings,
  clock: Clock,
  signal?: AbortSignal,
  startVeto: () => string | null = () => null,
): Promise<UserRecord> {
  await clock.sleepUntil(record.scheduled_start_ms, signal);
  if (signal?.aborted) return record;
  const veto = startVeto();
  if (veto !== null) {
    record.outcome = 'not_started';
    record.error = veto;
    return record;
  }
  const startMs = clock.nowMs();
  record.actual_start_ms = startMs;
  const deadlineMs = startMs + settings.pipelineTimeoutS * 1000;

  const taskPath = await enqueue(record, transport, settings, clock);
  if (taskPath !== null) {
    await pollUntilDone(record, taskPath, transport, settings, clock, deadlineMs, signal);
  }

  if (record.outcome !== 'unfinished') {
    record.end_ms = clock.nowMs();
    record.total_ms = record.end_ms - startMs;
  }
  return record;
}

/** POSTs the enqueue body; returns the status path to poll, or null when the user is done. */
async function enqueue(
  record: UserRecord,
  transport: Transport,
  settings: FlowSettings,
  clock: Clock,
): Promise<string | null> {
  const path = `/projects/${record.project_id}/generate-theory`;
  const exchange = await timed(record, 'enqueue', transport, clock, {
    method: 'POST',
    path,
    body: settings.enqueueBody,
  });
  if (exchange.answer === null) {
    return finish(record, 'exception', null, exchange.error);
  }
  record.enqueue_ms = exchange.durationMs;

  const { status, text } = exchange.answer;
  if (status !== 202) {
    return finish(record, 'enqueue_failed', status, `status=${status} detail=${detailOf(text)}`);
  }
  const body = parseObject(text);
  const taskId = body?.task_id;
  if (typeof taskId !== 'string' || taskId === '') {
    const why = body === null ? 'body is not JSON' : 'no task_id';
    return finish(record, 'enqueue_invalid', status, `202 with ${why}: ${detailOf(text)}`);
  }
  record.task_id = taskId;
  record.reused = body?.reused === true;
  // Status and execution_mode come with the 202 as with every status answer.
  noteTaskState(record, body);
  return `${path}/status/${encodeURIComponent(taskId)}`;
}

async function pollUntilDone(
  record: UserRecord,
  statusPath: string,
  transport: Transport,
  settings: FlowSettings,
  clock: Clock,
  deadlineMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  let hintS = 0;
  for (;;) {
    if (signal?.aborted) return;
    const exchange = await pollOnce(record, statusPath, transport, clock);
    if (exchange === null) return;
    const body = parseObject(exchange.text);
    if (exchange.status !== 200 || body === null) {
      const detail = `status=${exchange.status} detail=${detailOf(exchange.text)}`;
      finish(record, 'status_failed', exchange.status, detail);
      return;
    }
    noteTaskState(record, body);
    if (body.status === 'completed') {
      finish(record, 'completed', null, null);
      return;
    }
    if (body.status === 'failed') {
      const errorText = typeof body.error === 'string' ? body.error : null;
      record.error_code = typeof body.error_code === 'string' ? body.error_code : null;
      finish(record, 'failed', null, errorText);
      return;
    }

    const nowMs = clock.nowMs();
    if (nowMs >= deadlineMs) {
      const detail = `no terminal status after ${settings.pipelineTimeoutS} s`;
      finish(record, 'timeout', null, `${detail} (last: ${describeState(record)})`);
      return;
    }
    if (typeof body.next_poll_seconds === 'number') hintS = body.next_poll_seconds;
    // The last sleep is cut at the deadline so the user gets one final look at the task.
    const delayMs = Math.max(settings.pollIntervalS, hintS) * 1000;
    await clock.sleepUntil(Math.min(nowMs + delayMs, deadlineMs), signal);
  }
}

/**
 * One status request. A poll that dies because the server closed a reused keep-alive
 * connection is sent again at once, once: the backend closes idle connections after exactly
 * its own poll hint, so a well-behaved poller hits that race now and then. Returns null when
 * the user ended in `exception`.
 */
async function pollOnce(
  record: UserRecord,
  statusPath: string,
  transport: Transport,
  clock: Clock,
): Promise<HttpAnswer | null> {
  const request: HttpRequest = { method: 'GET', path: statusPath };
  let exchange = await timed(record, 'poll', transport, clock, request);
  if (exchange.answer === null && exchange.failure === 'connection_closed') {
    exchange = await timed(record, 'poll', transport, clock, request, true);
  }
  if (exchange.answer === null) {
    finish(record, 'exception', null, exchange.error);
    return null;
  }
  return exchange.answer;
}

function finish(
  record: UserRecord,
  outcome: UserRecord['outcome'],
  httpStatus: number | null,
  error: string | null,
): null {
  record.outcome = outcome;
  record.http_status = httpStatus;
  record.error = error;
  return null;
}

function noteTaskState(record: UserRecord, body: Record<string, unknown> | null): void {
  if (typeof body?.status === 'string') record.last_status = body.status;
  if (typeof body?.step === 'string') record.last_step = body.step;
  if (typeof body?.progress === 'number') record.last_progress = body.progress;
  if (typeof body?.execution_mode === 'string') record.execution_mode = body.execution_mode;
}

function describeState(record: UserRecord): string {
  const progress = record.last_progress === null ? '?' : `${record.last_progress}%`;
  return `${record.last_status ?? '?'}/${record.last_step ?? '?'}/${progress}`;
}
