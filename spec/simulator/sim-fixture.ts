// The simulator specs' shared pieces: a fixture that starts simulators on port 0 and closes
// them in teardown, and a small fetch client that returns status, headers and parsed body.

import { test as base, expect } from '@playwright/test';

import { startSimulator } from '../../simulator/server';

import type { RunningSimulator } from '../../simulator/server';
import type { SimSettings } from '../../simulator/settings';

export { expect } from '@playwright/test';

export const TOKEN = 'local-dev-token';
export const PROJECTS = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
export const BODY = { min_interviews: 1, use_model_router: true };

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface ApiOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface SimHandle extends RunningSimulator {
  api(path: string, options?: ApiOptions): Promise<ApiAnswer>;
  enqueue(projectId?: string, token?: string): Promise<ApiAnswer>;
  status(projectId: string, taskId: string, token?: string): Promise<ApiAnswer>;
  cancel(projectId: string, taskId: string, token?: string): Promise<ApiAnswer>;
}

/** The specs' simulator defaults: short pipelines, fixed seed, everything else as shipped. */
const SPEC_DEFAULTS: Partial<SimSettings> = { port: 0, seed: 7, pipelineSeconds: 0.3 };

export const test = base.extend<{
  launch: (overrides?: Partial<SimSettings>) => Promise<SimHandle>;
}>({
  // eslint-disable-next-line no-empty-pattern
  launch: async ({}, use) => {
    const started: RunningSimulator[] = [];
    await use(async (overrides = {}) => {
      const simulator = await startSimulator({ ...SPEC_DEFAULTS, ...overrides });
      started.push(simulator);
      return withClient(simulator);
    });
    await Promise.all(started.map((simulator) => simulator.close()));
  },
});

export function withClient(simulator: RunningSimulator): SimHandle {
  const api = (path: string, options: ApiOptions = {}) => callApi(simulator.url, path, options);
  return {
    ...simulator,
    api,
    enqueue: (projectId = PROJECTS[0], token = TOKEN) =>
      api(`/api/projects/${projectId}/generate-theory`, { method: 'POST', token, body: BODY }),
    status: (projectId: string, taskId: string, token = TOKEN) =>
      api(`/api/projects/${projectId}/generate-theory/status/${taskId}`, { token }),
    cancel: (projectId: string, taskId: string, token = TOKEN) =>
      api(`/api/projects/${projectId}/generate-theory/cancel/${taskId}`, { method: 'POST', token }),
  };
}

/** Enqueues `count` tasks one after another, round-robin over PROJECTS; each must get 202. */
export async function enqueueTasks(sim: SimHandle, count: number): Promise<string[]> {
  const taskIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const answer = await sim.enqueue(PROJECTS[index % PROJECTS.length]);
    expect(answer.status).toBe(202);
    taskIds.push(String(field(answer.json, 'task_id')));
  }
  return taskIds;
}

export async function callApi(baseUrl: string, path: string, options: ApiOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Field access on parsed JSON without a cast at every call site. */
export function field(json: unknown, key: string): unknown {
  return (json as Record<string, unknown>)[key];
}

/**
 * Polls `read` until `done` holds, at most `attempts` times `intervalMs` apart; returns the last
 * value either way so the caller's assertion shows what was seen.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 100,
  intervalMs = 25,
): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt += 1) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
