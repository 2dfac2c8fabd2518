// Parsers for the settings that are not plain numbers. Each throws an Error that names the
// setting, quotes the bad value and says what is expected.

import { isIP } from 'node:net';

import { canonicalUuid } from './uuid';

export interface TokenGrant {
  token: string;
  projectIds: string[];
}

export type FaultRoute = 'enqueue' | 'status' | 'cancel' | 'health';

export const FAULT_ROUTES: readonly FaultRoute[] = ['enqueue', 'status', 'cancel', 'health'];
export const FAULT_HTTP_STATUSES: readonly number[] = [429, 500, 502, 503];

export const DEFAULT_TOKENS_TEXT =
  'local-dev-token=' +
  [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`).join(',');

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TOKEN_CHARS = /^[A-Za-z0-9._~+/-]+$/;

export function settingError(env: string, expected: string, raw: unknown): Error {
  return new Error(`${env} must be ${expected} (got ${JSON.stringify(raw)})`);
}

/** Decimal text only: `Number()` alone would also take "0x10", "1e400" or "Infinity". */
export function parseDecimal(raw: string): number {
  return DECIMAL.test(raw.trim()) ? Number(raw) : Number.NaN;
}

export function parseBooleanSetting(env: string, raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw settingError(env, 'one of true, false, 1, 0, yes, no, on, off', raw);
}

/**
 * The simulator has no authentication worth the name, so it must never be reachable from another
 * machine: only loopback addresses are accepted.
 */
export function parseLoopbackHost(env: string, raw: string): string {
  const host = raw.trim();
  if (host === 'localhost') return '127.0.0.1';
  if (isIP(host) === 4 && host.startsWith('127.')) return host;
  if (host === '::1') return host;
  throw settingError(
    env,
    'a loopback address (127.0.0.1, another 127.x.y.z, ::1 or localhost)',
    raw,
  );
}

/**
 * `token=project-uuid,project-uuid;other-token=project-uuid`. A project may be listed under two
 * tokens: that is how two owners meet on one project lock (the 409 case).
 */
export function parseTokenGrants(env: string, raw: string): TokenGrant[] {
  const expected = 'entries "token=project-uuid,..." separated by ";"';
  const grants: TokenGrant[] = [];
  for (const entry of raw.split(';').map((part) => part.trim())) {
    if (entry === '') continue;
    const equalsAt = entry.indexOf('=');
    const token = entry.slice(0, Math.max(equalsAt, 0)).trim();
    if (equalsAt < 1 || !TOKEN_CHARS.test(token)) throw settingError(env, expected, entry);
    if (grants.some((grant) => grant.token === token)) {
      throw settingError(env, 'each token listed once', token);
    }
    const projectIds: string[] = [];
    for (const text of entry.slice(equalsAt + 1).split(',')) {
      if (text.trim() === '') continue;
      const projectId = canonicalUuid(text.trim());
      if (projectId === undefined) throw settingError(env, 'project ids that are UUIDs', text);
      projectIds.push(projectId);
    }
    grants.push({ token, projectIds });
  }
  if (grants.length === 0) throw settingError(env, `at least one token: ${expected}`, raw);
  return grants;
}

export function parseFaultRoutes(env: string, raw: string): FaultRoute[] {
  const names = splitList(raw);
  const bad = names.find((name) => !(FAULT_ROUTES as readonly string[]).includes(name));
  if (bad !== undefined || names.length === 0) {
    throw settingError(env, `a comma-separated list of ${FAULT_ROUTES.join(', ')}`, raw);
  }
  return names as FaultRoute[];
}

export function parseFaultStatuses(env: string, raw: string): number[] {
  const codes = splitList(raw).map((text) => Number(text));
  if (codes.length === 0 || codes.some((code) => !FAULT_HTTP_STATUSES.includes(code))) {
    throw settingError(env, `a comma-separated list of ${FAULT_HTTP_STATUSES.join(', ')}`, raw);
  }
  return codes;
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
