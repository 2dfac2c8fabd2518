// The three generate-theory routes, in the backend's order of checks: a malformed JSON body
// (422) before auth, then auth (401), then path and body validation (422), then the project
// lookup through the DB pool (404 or a bare 500), then the lock (reused or 409).

import { authenticate } from './auth';
import { bareServerError, detailReply } from './reply';
import { isFinished, taskJson } from './task';
import { checkEnqueueBody, checkProjectId, parseJsonBody } from './validation';

import type { Reply } from './reply';
import type { SimSettings } from './settings';
import type { Task } from './task';
import type { StatsCounter } from './stats';
import type { TaskEngine } from './task-engine';
import type { Principal, TokenRegistry } from './tokens';
import type { ValidationIssue } from './validation';

export interface TheoryDeps {
  settings: SimSettings;
  engine: TaskEngine;
  tokens: TokenRegistry;
  stats: StatsCounter;
}

export async function enqueueRoute(
  deps: TheoryDeps,
  rawProjectId: string,
  authorization: string | undefined,
  rawBody: string,
): Promise<Reply> {
  const parsed = parseJsonBody(rawBody);
  if ('issue' in parsed) return detailReply(422, [parsed.issue]);
  const auth = checkAuth(deps, authorization);
  if ('reply' in auth) return auth.reply;

  const issues: ValidationIssue[] = [];
  const project = checkProjectId(rawProjectId);
  if ('issue' in project) issues.push(project.issue);
  const body = checkEnqueueBody(parsed.body);
  if ('issues' in body) issues.push(...body.issues);
  if (issues.length > 0 || !('projectId' in project) || !('request' in body)) {
    return detailReply(422, issues);
  }

  // The project SELECT needs a pooled connection; it is handed back as soon as the row is read.
  const gotConnection = await waitForConnection(deps.engine);
  if (!gotConnection) return bareServerError();
  deps.engine.pool.release();
  const { projectId } = project;
  if (!auth.principal.projectIds.has(projectId)) return detailReply(404, 'Project not found');

  const { settings, engine } = deps;
  const holder = settings.projectLock ? engine.lockHolder(projectId) : undefined;
  if (holder !== undefined && !isFinished(holder)) {
    if (holder.ownerId !== auth.principal.ownerId) {
      return detailReply(409, 'A theory generation task is already running for this project.');
    }
    deps.stats.reusedReply();
    return {
      status: 202,
      json: {
        task_id: holder.taskId,
        status: holder.status,
        reused: true,
        next_poll_seconds: settings.pollHintSeconds,
        execution_mode: 'local',
      },
    };
  }

  const task = engine.createTask(projectId, auth.principal.ownerId, body.request);
  return {
    status: 202,
    json: {
      task_id: task.taskId,
      status: 'pending',
      // The enqueue reply carries the raw setting; only the status route clamps it to >= 2.
      next_poll_seconds: settings.pollHintSeconds,
      execution_mode: 'local',
    },
  };
}

export function statusRoute(
  deps: TheoryDeps,
  rawProjectId: string,
  taskId: string,
  authorization: string | undefined,
): Reply {
  const found = findOwnTask(deps, rawProjectId, taskId, authorization);
  if ('reply' in found) return found.reply;
  return { status: 200, json: taskJson(found.task, deps.settings.pollHintSeconds) };
}

export function cancelRoute(
  deps: TheoryDeps,
  rawProjectId: string,
  taskId: string,
  authorization: string | undefined,
): Reply {
  const found = findOwnTask(deps, rawProjectId, taskId, authorization);
  if ('reply' in found) return found.reply;
  // A finished task comes back unchanged; an unfinished one ends as failed/canceled.
  deps.engine.cancel(found.task);
  return { status: 200, json: taskJson(found.task, deps.settings.pollHintSeconds) };
}

function checkAuth(deps: TheoryDeps, authorization: string | undefined) {
  const auth = authenticate(authorization, deps.tokens);
  if ('reply' in auth && auth.expired) deps.stats.fault('expired_tokens');
  return auth;
}

/** Same 404 for unknown, foreign-owner and other-project tasks; no DB access involved. */
function findOwnTask(
  deps: TheoryDeps,
  rawProjectId: string,
  taskId: string,
  authorization: string | undefined,
): { reply: Reply } | { task: Task } {
  const auth = checkAuth(deps, authorization);
  if ('reply' in auth) return { reply: auth.reply };
  const project = checkProjectId(rawProjectId);
  if ('issue' in project) return { reply: detailReply(422, [project.issue]) };

  const task = deps.engine.findTask(taskId);
  if (
    task === undefined ||
    !ownsTask(auth.principal, task.ownerId, project.projectId, task.projectId)
  ) {
    return { reply: detailReply(404, 'Task not found') };
  }
  return { task };
}

function ownsTask(principal: Principal, ownerId: string, projectId: string, taskProjectId: string) {
  return principal.ownerId === ownerId && projectId === taskProjectId;
}

function waitForConnection(engine: TaskEngine): Promise<boolean> {
  return new Promise((resolve) => {
    engine.pool.acquire(
      () => resolve(true),
      () => resolve(false),
    );
  });
}
