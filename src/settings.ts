// LOAD_* settings: read once from the environment (and .env, loaded by the Playwright config),
// validated before any traffic, and handed around typed. Every failure names the setting, the
// bad value and what is expected, so an operator can fix it from the message alone.
import { SettingError, readBoolean, readNumber, readInteger, readString } from './setting-parse';

import type { PublicSettings } from './records';

/** The simulator's own defaults: a run with no configuration at all targets it. */
export const SIMULATOR_TOKEN = 'local-dev-token';
export const SIMULATOR_PROJECT_IDS = [1, 2, 3, 4, 5].map(
  (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
);
export const SIMULATOR_DEFAULT_PORT = 4010;

export const DEFAULT_ENQUEUE_BODY = { min_interviews: 1, use_model_router: true };
export const DEFAULT_OUTPUT = 'load-results/results.json';
export const DEFAULT_USERS = 100;
export const DEFAULT_SPAWN_INTERVAL_S = 0.15;
export const DEFAULT_POLL_INTERVAL_S = 5;
export const DEFAULT_PIPELINE_TIMEOUT_S = 1200;
export const DEFAULT_REQUEST_TIMEOUT_S = 30;

/** A project id the backend accepts: any UUID, case-insensitive. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Settings {
  /** Root of the API, always ending in `/api` and never in a slash. */
  apiBaseUrl: string;
  /** True when LOAD_BASE_URL was unset and the embedded simulator is the target. */
  simulator: boolean;
  simulatorPort: number;
  token: string;
  projectIds: string[];
  users: number;
  spawnIntervalS: number;
  pollIntervalS: number;
  pipelineTimeoutS: number;
  requestTimeoutS: number;
  insecure: boolean;
  enqueueBody: unknown;
  output: string;
  /** How many load tests the users are spread over (each runs in its own worker). */
  groups: number;
  /** Epoch ms of user 0's scheduled start; null until the run's global setup fixes it. */
  startAtMs: number | null;
}

/**
 * Reads and validates every LOAD_* setting.
 * @throws SettingError naming the first bad setting.
 */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const rawBaseUrl = readString(env, 'LOAD_BASE_URL');
  const simulator = rawBaseUrl === null;
  const simulatorPort = readInteger(env, 'SIM_PORT', SIMULATOR_DEFAULT_PORT, {
    min: 1,
    max: 65535,
  });
  const baseUrl = rawBaseUrl ?? `http://127.0.0.1:${simulatorPort}`;
  const token = readString(env, 'LOAD_TOKEN') ?? (simulator ? SIMULATOR_TOKEN : null);
  if (token === null) {
    throw new SettingError(
      'LOAD_TOKEN must be set to a bearer token when LOAD_BASE_URL names a target (got nothing)',
    );
  }

  return {
    apiBaseUrl: toApiBaseUrl(baseUrl),
    simulator,
    simulatorPort,
    token,
    projectIds: readProjectIds(env),
    users: readInteger(env, 'LOAD_USERS', DEFAULT_USERS, { min: 1 }),
    spawnIntervalS: readNumber(env, 'LOAD_SPAWN_INTERVAL', DEFAULT_SPAWN_INTERVAL_S, { min: 0 }),
    pollIntervalS: readNumber(env, 'LOAD_POLL_INTERVAL', DEFAULT_POLL_INTERVAL_S, { min: 0.01 }),
    pipelineTimeoutS: readNumber(env, 'LOAD_PIPELINE_TIMEOUT', DEFAULT_PIPELINE_TIMEOUT_S, {
      min: 0.01,
    }),
    requestTimeoutS: readNumber(env, 'LOAD_REQUEST_TIMEOUT', DEFAULT_REQUEST_TIMEOUT_S, {
      min: 0.01,
    }),
    insecure: readBoolean(env, 'LOAD_INSECURE', false),
    enqueueBody: readEnqueueBody(env),
    output: readString(env, 'LOAD_OUTPUT') ?? DEFAULT_OUTPUT,
    groups: readInteger(env, 'LOAD_GROUPS', 4, { min: 1, max: 64 }),
    startAtMs: readStartAt(env),
  };
}

/** The settings as written to the results JSON: the token never leaves this module. */
export function toPublicSettings(settings: Settings, startAtMs: number): PublicSettings {
  return {
    base_url: settings.apiBaseUrl,
    simulator: settings.simulator,
    project_ids: settings.projectIds,
    users: settings.users,
    spawn_interval_s: settings.spawnIntervalS,
    poll_interval_s: settings.pollIntervalS,
    pipeline_timeout_s: settings.pipelineTimeoutS,
    request_timeout_s: settings.requestTimeoutS,
    insecure: settings.insecure,
    enqueue_body: settings.enqueueBody,
    output: settings.output,
    groups: settings.groups,
    start_at_ms: startAtMs,
  };
}

/** Accepts the target with or without its trailing `/api`, as the runbook's script does. */
function toApiBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(`LOAD_BASE_URL must be an http or https URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingError(`LOAD_BASE_URL must be an http or https URL (got "${raw}")`);
  }
  if (url.search || url.hash || url.username || url.password) {
    // Never echo the rest: credentials in a URL are secrets too.
    const expected = 'a plain origin and path, without query, fragment or credentials';
    throw new SettingError(`LOAD_BASE_URL must be ${expected} (got "${url.origin}…")`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  const apiPath = path.endsWith('/api') ? path : `${path}/api`;
  return `${url.origin}${apiPath}`;
}

function readProjectIds(env: NodeJS.ProcessEnv): string[] {
  const raw = readString(env, 'LOAD_PROJECT_IDS');
  if (raw === null) return [...SIMULATOR_PROJECT_IDS];
  const ids = raw.split(/[\s,]+/).filter((id) => id !== '');
  const bad = ids.find((id) => !UUID_PATTERN.test(id));
  if (bad !== undefined) {
    // The backend answers 422 for a project id that is not a UUID: no point sending it.
    throw new SettingError(`LOAD_PROJECT_IDS must list project UUIDs (got "${bad}")`);
  }
  if (ids.length === 0) {
    throw new SettingError(`LOAD_PROJECT_IDS must list at least one project UUID (got "${raw}")`);
  }
  return ids;
}

function readEnqueueBody(env: NodeJS.ProcessEnv): unknown {
  const raw = readString(env, 'LOAD_ENQUEUE_BODY');
  if (raw === null) return DEFAULT_ENQUEUE_BODY;
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new SettingError(`LOAD_ENQUEUE_BODY must be a JSON object (got ${JSON.stringify(raw)})`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SettingError(`LOAD_ENQUEUE_BODY must be a JSON object (got ${JSON.stringify(raw)})`);
  }
  return body;
}

/** LOAD_START_AT is epoch milliseconds or an ISO date-time, shared by every shard of a run. */
function readStartAt(env: NodeJS.ProcessEnv): number | null {
  const raw = readString(env, 'LOAD_START_AT');
  if (raw === null) return null;
  const startAtMs = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(startAtMs)) {
    throw new SettingError(
      `LOAD_START_AT must be epoch milliseconds or an ISO 8601 date-time (got "${raw}")`,
    );
  }
  return startAtMs;
}
