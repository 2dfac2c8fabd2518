// One request, sent and recorded: every request a user makes becomes a sample, answered or not,
// with the client's duration beside the server's own handling time from Server-Timing.
import { TransportError } from './transport/transport';

import type { Clock } from './clock';
import type { RequestKind, RequestSample, UserRecord } from './records';
import type { HttpAnswer, HttpRequest, Transport } from './transport/transport';

export interface Exchange {
  answer: HttpAnswer | null;
  error: string;
  failure: TransportError['kind'] | null;
  durationMs: number;
}

/** Sends one request and records it as a sample, answered or not. */
export async function timed(
  record: UserRecord,
  kind: RequestKind,
  transport: Transport,
  clock: Clock,
  request: HttpRequest,
  retry = false,
): Promise<Exchange> {
  const startMs = clock.nowMs();
  let answer: HttpAnswer | null = null;
  let error = '';
  let failure: TransportError['kind'] | null = null;
  try {
    answer = await transport.send(request);
  } catch (thrown) {
    failure = thrown instanceof TransportError ? thrown.kind : 'other';
    error = thrown instanceof Error ? thrown.message : String(thrown);
    error = error === '' ? `${kind} request failed with no message` : error;
  }
  const durationMs = clock.nowMs() - startMs;

  const sample: RequestSample = {
    kind,
    start_ms: startMs,
    duration_ms: durationMs,
    status: answer?.status ?? null,
    error: answer === null ? error : null,
    retry,
    server_ms: answer === null ? null : serverTimingMs(answer.headers['server-timing']),
  };
  record.requests.push(sample);
  if (kind === 'poll') record.polls++;
  return { answer, error, failure, durationMs };
}

/** Sums the `dur` of every Server-Timing metric: the server's own handling time in ms. */
export function serverTimingMs(header: string | undefined): number | null {
  if (header === undefined) return null;
  let totalMs: number | null = null;
  for (const match of header.matchAll(/dur=([\d.]+)/g)) {
    totalMs = (totalMs ?? 0) + Number(match[1]);
  }
  return totalMs;
}
