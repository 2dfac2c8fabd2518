// The backend's current tuning, so advice can name the next value of a knob instead of repeating
// the runbook's step when the backend already took it.
import { readFileSync } from 'node:fs';

import { SettingError } from '../setting-parse';

/** The six knobs of the runbook's tuning profile. */
const PROFILE_KEYS = [
  'THEORY_LOCAL_MAX_CONCURRENT_TASKS',
  'THEORY_INTERVIEW_CONCURRENCY',
  'CODING_FRAGMENT_CONCURRENCY',
  'THEORY_STATUS_POLL_HINT_SECONDS',
  'DB_POOL_SIZE',
  'DB_MAX_OVERFLOW',
] as const;

export type ProfileKey = (typeof PROFILE_KEYS)[number];

export type BackendProfile = Readonly<Record<ProfileKey, number>>;

/** The runbook's "Ajustes iniciales" (section 5). */
export const INITIAL_PROFILE: BackendProfile = Object.freeze({
  THEORY_LOCAL_MAX_CONCURRENT_TASKS: 4,
  THEORY_INTERVIEW_CONCURRENCY: 3,
  CODING_FRAGMENT_CONCURRENCY: 8,
  THEORY_STATUS_POLL_HINT_SECONDS: 5,
  DB_POOL_SIZE: 20,
  DB_MAX_OVERFLOW: 10,
});

const SETTING = 'LOAD_BACKEND_PROFILE';
const INLINE_START = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/;

/**
 * Reads LOAD_BACKEND_PROFILE: an inline `KEY=VALUE,KEY=VALUE` list, or the path of a JSON file
 * holding one object. Keys left out keep the runbook's initial value.
 *
 * @throws {Error} naming the setting, the bad key or value, and what is expected.
 */
export function loadBackendProfile(
  value: string | null,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): BackendProfile {
  if (value === null) return INITIAL_PROFILE;
  if (INLINE_START.test(value)) return parseInlineProfile(value);

  let text: string;
  try {
    text = readText(value);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SettingError(`${SETTING}: cannot read the profile file "${value}" (${why})`, {
      cause: error,
    });
  }
  return parseJsonProfile(text, value);
}

/** `KEY=VALUE,KEY=VALUE` (commas or whitespace between pairs) over the initial profile. */
export function parseInlineProfile(text: string): BackendProfile {
  const pairs = text
    .replace(/\s*=\s*/g, '=')
    .split(/[\s,]+/)
    .filter((pair) => pair !== '');
  const entries = pairs.map((pair): [string, string] => {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new SettingError(`${SETTING} must be KEY=VALUE pairs or a JSON file (got "${pair}")`);
    }
    return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
  });
  return buildProfile(entries, `${SETTING}`);
}

/** A JSON object of knob names to numbers (or numeric strings) over the initial profile. */
function parseJsonProfile(text: string, path: string): BackendProfile {
  const where = `${SETTING} file "${path}"`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingError(`${where} must hold a JSON object of settings (it is not valid JSON)`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SettingError(`${where} must hold a JSON object of settings (got ${typeof parsed})`);
  }
  const entries = Object.entries(parsed).map(([key, raw]): [string, string] => [key, String(raw)]);
  return buildProfile(entries, where);
}

function buildProfile(entries: [string, string][], where: string): BackendProfile {
  const profile: Record<string, number> = { ...INITIAL_PROFILE };
  for (const [key, raw] of entries) {
    // A misspelt knob would otherwise be ignored and the advice would repeat a step already taken.
    if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
      const known = PROFILE_KEYS.join(', ');
      throw new SettingError(`${where}: unknown setting "${key}" (expected one of ${known})`);
    }
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value) || value < 0) {
      throw new SettingError(`${where}: ${key} must be a number >= 0 (got "${raw}")`);
    }
    profile[key] = value;
  }
  return Object.freeze(profile as Record<ProfileKey, number>);
}
