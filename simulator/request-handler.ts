// One HTTP request from arrival to answer: route it, draw its fault, let the route build a
// reply, bend the reply as the fault says, then write it with Server-Timing and count it.

import createDebug from 'debug';

import { readBody, serializeReply, writeReply } from './http-io';
import { truncateJson } from './faults';
import { bareServerError, detailReply } from './reply';
import { matchRoute } from './routes';
import { simRoute } from './sim-routes';
import { cancelRoute, enqueueRoute, statusRoute } from './theory-routes';

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultPlan } from './faults';
import type { SerializedReply } from './http-io';
import type { Reply } from './reply';
import type { RouteMatch } from './routes';
import type { SimRouteDeps } from './sim-routes';
import type { StatsCounter, StatsRoute } from './stats';
import type { TheoryDeps } from './theory-routes';

const debug = createDebug('theory-load:sim');

export interface HandlerDeps {
  theory: TheoryDeps;
  sim: SimRouteDeps;
  stats: StatsCounter;
  faults: FaultPlan;
  /** Timers of answers held back by the delay fault; close() clears them. */
  delayTimers: Set<NodeJS.Timeout>;
}

export function createRequestHandler(deps: HandlerDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const startNs = process.hrtime.bigint();
    handle(deps, request, response, startNs).catch((error: unknown) => {
      debug('request %s %s failed: %O', request.method, request.url, error);
      const reply = bareServerError();
      writeReply(response, reply, serializeReply(reply), startNs);
    });
  };
}

async function handle(
  deps: HandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
  startNs: bigint,
): Promise<void> {
  const method = request.method ?? 'GET';
  const [path, query] = splitUrl(request.url ?? '/');
  if (path.startsWith('/__sim/')) {
    const reply = simRoute(deps.sim, method, path, (await readBody(request)) ?? '');
    writeReply(response, reply, serializeReply(reply), startNs);
    return;
  }

  const match = matchRoute(method, path);
  const statsRoute: StatsRoute = match.kind === 'route' ? match.statsRoute : 'other';
  const fault = deps.faults.draw(statsRoute);
  if (fault.kind === 'reset') {
    deps.stats.fault('reset');
    deps.stats.recordAnswer(statsRoute, 'reset');
    request.socket.destroy();
    return;
  }

  let reply: Reply;
  if (fault.kind === 'http') {
    deps.stats.fault('http');
    reply = deps.faults.httpReply(fault.status);
  } else {
    reply = await routeReply(deps, match, request, query);
  }
  const serialized = bendReply(deps.stats, reply, fault);

  deps.stats.recordAnswer(statsRoute, reply.status);
  if (fault.kind !== 'delayed') {
    writeReply(response, reply, serialized, startNs);
    return;
  }
  deps.stats.fault('delayed');
  const timer = setTimeout(() => {
    deps.delayTimers.delete(timer);
    writeReply(response, reply, serialized, startNs);
  }, fault.delayMs);
  deps.delayTimers.add(timer);
}

async function routeReply(
  deps: HandlerDeps,
  match: RouteMatch,
  request: IncomingMessage,
  query: string,
): Promise<Reply> {
  if (match.kind === 'wrong_method') {
    return detailReply(405, 'Method Not Allowed', { Allow: match.allow });
  }
  if (match.kind === 'redirect') {
    // Starlette redirects to an absolute URL built from the Host the client sent.
    const host = request.headers.host ?? 'localhost';
    return { status: 307, headers: { Location: `http://${host}${match.path}${query}` } };
  }
  if (match.kind === 'not_found') return detailReply(404, 'Not Found');

  const authorization = request.headers.authorization;
  const [projectId, taskId] = match.params;
  switch (match.name) {
    case 'enqueue': {
      const rawBody = await readBody(request);
      if (rawBody === undefined) return detailReply(413, 'Request body too large');
      return enqueueRoute(deps.theory, projectId, authorization, rawBody);
    }
    case 'status':
      return statusRoute(deps.theory, projectId, taskId, authorization);
    case 'cancel':
      return cancelRoute(deps.theory, projectId, taskId, authorization);
    case 'health':
      return { status: 200, json: { status: 'healthy' } };
    case 'health_dependencies':
      // It reads two settings the backend's Settings class does not define.
      return bareServerError();
    case 'root':
      return { status: 200, json: { message: 'Theory backend simulator (theory-load)' } };
  }
}

/** Applies the faults that change an answer's body rather than replace the answer. */
function bendReply(stats: StatsCounter, reply: Reply, fault: Fault): SerializedReply {
  if (fault.kind === 'missing_task_id' && reply.status === 202 && isObject(reply.json)) {
    stats.fault('missing_task_id');
    const withoutTaskId = { ...reply.json };
    delete withoutTaskId.task_id;
    return serializeReply({ ...reply, json: withoutTaskId });
  }
  const serialized = serializeReply(reply);
  if (fault.kind === 'malformed' && reply.json !== undefined) {
    stats.fault('malformed');
    return { ...serialized, body: truncateJson(serialized.body) };
  }
  return serialized;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitUrl(url: string): [string, string] {
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? [url, ''] : [url.slice(0, queryAt), url.slice(queryAt)];
}
