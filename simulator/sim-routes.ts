// The simulator's own routes under /__sim/: ground truth and test controls that the real
// backend does not have. They are not counted in the stats they report.

import { naiveUtcNow } from './clock';
import { detailReply } from './reply';
import { taskJson } from './task';

import type { Reply } from './reply';
import type { SimSettings } from './settings';
import type { SimStats } from './stats';
import type { TaskEngine } from './task-engine';
import type { TokenRegistry } from './tokens';

export interface SimRouteDeps {
  settings: SimSettings;
  engine: TaskEngine;
  tokens: TokenRegistry;
  stats(): SimStats;
  restart(): void;
}

export function simRoute(deps: SimRouteDeps, method: string, path: string, rawBody: string): Reply {
  if (path === '/__sim/stats' && method === 'GET') return { status: 200, json: deps.stats() };
  if (path === '/__sim/restart' && method === 'POST') {
    deps.restart();
    return { status: 200, json: { restarted_at: naiveUtcNow() } };
  }
  if (path === '/__sim/token' && method === 'POST') return mintToken(deps, rawBody);

  const taskPath = /^\/__sim\/tasks\/([^/]+)$/.exec(path);
  if (taskPath !== null && method === 'GET') {
    const task = deps.engine.findTask(decodeURIComponent(taskPath[1]));
    if (task === undefined) return detailReply(404, 'Task not found');
    return {
      status: 200,
      json: {
        task: taskJson(task, deps.settings.pollHintSeconds),
        history: task.history,
        planned_pipeline_seconds: Math.round(task.plannedPipelineMs) / 1000,
      },
    };
  }
  return detailReply(404, 'Not Found');
}

/** A fresh token for the owner of `{"token": "<known token>"}`, valid for SIM_TOKEN_TTL_SECONDS. */
function mintToken(deps: SimRouteDeps, rawBody: string): Reply {
  let baseToken: unknown;
  try {
    baseToken = (JSON.parse(rawBody) as { token?: unknown }).token;
  } catch {
    baseToken = undefined;
  }
  if (typeof baseToken !== 'string') {
    return detailReply(422, 'Send {"token": "<a known token>"} to mint a fresh one for its owner.');
  }
  const minted = deps.tokens.mint(baseToken);
  if (minted === undefined) return detailReply(404, `Unknown token ${JSON.stringify(baseToken)}`);
  const forever = !Number.isFinite(minted.expiresAtMs);
  return {
    status: 200,
    json: {
      token: minted.token,
      owner_id: minted.ownerId,
      expires_in_seconds: forever ? null : deps.settings.tokenTtlSeconds,
      expires_at: forever ? null : new Date(minted.expiresAtMs).toISOString(),
    },
  };
}
