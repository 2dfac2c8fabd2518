// A scripted Transport and a virtual clock, so the user flow's every branch runs in
// microseconds: each scripted step either answers or throws, and takes a set time.
import { TransportError } from '../../src/transport/transport';

import type { Clock } from '../../src/clock';
import type {
  HttpAnswer,
  HttpRequest,
  Transport,
  TransportFailure,
} from '../../src/transport/transport';

export type ScriptStep =
  | {
      status: number;
      body?: unknown;
      text?: string;
      headers?: Record<string, string>;
      tookMs?: number;
    }
  | { fail: TransportFailure; message: string; tookMs?: number };

export function virtualClock(startMs = 1_000_000): Clock & { sleeps: number[] } {
  let nowMs = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
    async sleepUntil(epochMs: number) {
      if (epochMs > nowMs) sleeps.push(epochMs - nowMs);
      nowMs = Math.max(nowMs, epochMs);
    },
  } as Clock & { sleeps: number[]; advance(ms: number): void };
}

/** Answers POSTs from `enqueue` and GETs from `polls` in order; the last poll step repeats. */
export function scriptedTransport(
  clock: Clock,
  enqueue: ScriptStep,
  polls: ScriptStep[] = [],
): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  let pollIndex = 0;
  return {
    sent,
    async send(request) {
      sent.push(request);
      const step =
        request.method === 'POST' ? enqueue : polls[Math.min(pollIndex++, polls.length - 1)];
      (clock as unknown as { advance(ms: number): void }).advance(step.tookMs ?? 10);
      if ('fail' in step) throw new TransportError(step.message, step.fail);
      const text = step.text ?? JSON.stringify(step.body ?? {});
      const answer: HttpAnswer = { status: step.status, headers: step.headers ?? {}, text };
      return answer;
    },
  };
}

export function taskState(status: string, extra: Record<string, unknown> = {}): ScriptStep {
  return { status: 200, body: { task_id: 't-1', status, next_poll_seconds: 5, ...extra } };
}
