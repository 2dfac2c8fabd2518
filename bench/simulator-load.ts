// The bench's load generator: node:http with a keep-alive agent (about 37 us of CPU per request
// on this machine, so it leaves the simulator most of the second core), an open-loop pacer that
// sends on schedule rather than when the last answer came back, and Server-Timing parsing.

import { Agent, request as httpRequest } from 'node:http';

import { defaultSimSettings } from '../simulator/settings';

export interface Sample {
  clientMs: number;
  /** The simulator's own handling time, from its Server-Timing header. */
  serverMs: number | undefined;
  status: number | 'error';
  body: string;
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadClient {
  send(call: Call): Promise<Sample>;
  close(): void;
}

// The simulator's default grant: one token that owns the five default projects.
const DEFAULT_GRANT = defaultSimSettings().tokens[0];
export const PROJECTS = DEFAULT_GRANT.projectIds;
export const AUTHORIZATION = `Bearer ${DEFAULT_GRANT.token}`;

export function createLoadClient(baseUrl: string, maxSockets: number): LoadClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (call: Call) =>
    new Promise<Sample>((resolve) => {
      const startMs = performance.now();
      const headers: Record<string, string> = { Authorization: AUTHORIZATION };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const outgoing = httpRequest(`${baseUrl}${call.path}`, {
        agent,
        method: call.method,
        headers,
      });
      outgoing.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const timing = /dur=([\d.]+)/.exec(String(response.headers['server-timing'] ?? ''));
          resolve({
            clientMs: performance.now() - startMs,
            serverMs: timing === null ? undefined : Number(timing[1]),
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      outgoing.on('error', () => {
        resolve({
          clientMs: performance.now() - startMs,
          serverMs: undefined,
          status: 'error',
          body: '',
        });
      });
      outgoing.end(call.body);
    });
  return { send, close: () => agent.destroy() };
}

export interface OpenLoopResult {
  samples: Sample[];
  /** Sends skipped because maxInFlight answers were still outstanding: the target fell behind. */
  missed: number;
  elapsedSeconds: number;
}

/** Sends `rps` calls per second for `seconds`, never more than `maxInFlight` at once. */
export async function runOpenLoop(
  client: LoadClient,
  options: { rps: number; seconds: number; maxInFlight: number; next: () => Call },
): Promise<OpenLoopResult> {
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  let sent = 0;
  let missed = 0;
  const startMs = performance.now();
  const endMs = startMs + options.seconds * 1000;

  while (performance.now() < endMs) {
    const due = Math.floor(((performance.now() - startMs) / 1000) * options.rps);
    for (; sent < due; sent += 1) {
      if (pending.size >= options.maxInFlight) {
        missed += 1;
        continue;
      }
      const flight: Promise<void> = client.send(options.next()).then((sample) => {
        samples.push(sample);
        pending.delete(flight);
      });
      pending.add(flight);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(pending);
  return { samples, missed, elapsedSeconds: (performance.now() - startMs) / 1000 };
}

/**
 * Runs `calls` with at most `concurrency` in flight; for filling the simulator quickly. The
 * samples come back in the order of `calls`, whatever order the answers arrived in.
 */
export async function runAll(client: LoadClient, calls: Call[], concurrency: number) {
  const samples: Sample[] = new Array<Sample>(calls.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < calls.length) {
      const index = nextIndex;
      nextIndex += 1;
      samples[index] = await client.send(calls[index]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples;
}
