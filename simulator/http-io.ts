// Reading request bodies and writing replies. Every answer carries Server-Timing with the
// server's own handling time, so a client can tell its own queueing from the server's.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './reply';

// Far above any real enqueue body; keeps a runaway client from filling memory.
const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Milliseconds since `startNs` (from process.hrtime.bigint()). */
export function elapsedMs(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

export interface SerializedReply {
  body: string;
  contentType: string;
}

export function serializeReply(reply: Reply): SerializedReply {
  if (reply.text !== undefined) {
    return { body: reply.text, contentType: 'text/plain; charset=utf-8' };
  }
  if (reply.json !== undefined)
    return { body: JSON.stringify(reply.json), contentType: 'application/json' };
  return { body: '', contentType: '' };
}

/** Writes `reply` with its body already serialized (a fault may have changed it). */
export function writeReply(
  response: ServerResponse,
  reply: Reply,
  { body, contentType }: SerializedReply,
  startNs: bigint,
) {
  if (response.destroyed || response.writableEnded) return;
  const headers: Record<string, string | number> = {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(body),
    'Server-Timing': `app;dur=${elapsedMs(startNs).toFixed(3)}`,
  };
  if (contentType !== '') headers['Content-Type'] = contentType;
  response.writeHead(reply.status, headers);
  response.end(body);
}
