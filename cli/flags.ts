// The runbook script's command line, mapped onto theory-load's LOAD_* settings. Anything this
// file does not know is left in place for `playwright test`, in its original order.
import { parseArgs } from 'node:util';

import {
  DEFAULT_OUTPUT,
  DEFAULT_PIPELINE_TIMEOUT_S,
  DEFAULT_POLL_INTERVAL_S,
  DEFAULT_REQUEST_TIMEOUT_S,
  DEFAULT_SPAWN_INTERVAL_S,
  DEFAULT_USERS,
  UUID_PATTERN,
} from '../src/settings';

/** One runbook flag: its setting, how it reads in --help, and what a good value looks like. */
interface FlagSpec {
  name: string;
  setting: string;
  valueLabel: string;
  defaultText: string;
  purpose: string;
  /** Never shown back to the user, not even in an error. */
  secret?: boolean;
  /** Returns what was expected when the value is bad, or null when it is fine. */
  check?: (value: string) => string | null;
}

export const VALUE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'base-url',
    setting: 'LOAD_BASE_URL',
    valueLabel: '<url>',
    defaultText: 'unset: the embedded simulator',
    purpose: 'backend to load, with or without the trailing /api',
    check: (value) => (isHttpUrl(value) ? null : 'an http:// or https:// URL without credentials'),
  },
  {
    name: 'token',
    setting: 'LOAD_TOKEN',
    valueLabel: '<token>',
    defaultText: "the simulator's token",
    purpose: 'bearer token; required for any target but the simulator',
    secret: true,
    check: (value) => (value.trim() === '' ? 'a non-empty bearer token' : null),
  },
  {
    name: 'project-ids',
    setting: 'LOAD_PROJECT_IDS',
    valueLabel: '<id> [<id> ...]',
    defaultText: "the simulator's five",
    purpose: 'project UUIDs, space separated; users go round-robin over them',
    check: (value) => (UUID_PATTERN.test(value) ? null : 'project UUIDs, space separated'),
  },
  {
    name: 'users',
    setting: 'LOAD_USERS',
    valueLabel: '<n>',
    defaultText: String(DEFAULT_USERS),
    purpose: 'virtual users',
    check: (value) => (/^\d+$/.test(value) && Number(value) >= 1 ? null : 'a whole number >= 1'),
  },
  secondsFlag(
    'spawn-interval',
    'LOAD_SPAWN_INTERVAL',
    DEFAULT_SPAWN_INTERVAL_S,
    'seconds between user starts',
    0,
  ),
  secondsFlag(
    'poll-interval',
    'LOAD_POLL_INTERVAL',
    DEFAULT_POLL_INTERVAL_S,
    'minimum seconds between polls',
  ),
  secondsFlag(
    'pipeline-timeout',
    'LOAD_PIPELINE_TIMEOUT',
    DEFAULT_PIPELINE_TIMEOUT_S,
    'seconds a user waits',
  ),
  secondsFlag(
    'request-timeout',
    'LOAD_REQUEST_TIMEOUT',
    DEFAULT_REQUEST_TIMEOUT_S,
    'seconds per HTTP request',
  ),
  {
    name: 'output',
    setting: 'LOAD_OUTPUT',
    valueLabel: '<path>',
    defaultText: DEFAULT_OUTPUT,
    purpose: 'where the results JSON goes (summary.html lands beside it)',
    check: (value) => (value.trim() === '' ? 'a file path' : null),
  },
];

export const INSECURE_FLAG = {
  name: 'insecure',
  setting: 'LOAD_INSECURE',
  defaultText: 'off',
  purpose: 'skip TLS certificate checks (sets LOAD_INSECURE=true)',
};

/** What the command line asks for: settings to set, and arguments left for Playwright. */
export interface ParsedFlags {
  help: boolean;
  settings: Record<string, string>;
  playwrightArgs: string[];
}

/** A bad flag or value; the message names the flag and never contains a secret. */
export class FlagError extends Error {
  readonly code = 'LT_BAD_FLAG';
}

/**
 * Reads the runbook flags out of `args`. `--project-ids` takes every plain word that follows
 * it, as the runbook's script does; the rest (unknown options, their values, test filters,
 * everything after `--`) is returned untouched, in order, for `playwright test`.
 *
 * @throws {FlagError} for a missing or bad value, naming the flag, the value and what is expected.
 */
export function parseFlags(args: readonly string[]): ParsedFlags {
  const options = Object.fromEntries([
    ...VALUE_FLAGS.map((flag) => [flag.name, { type: 'string' as const, multiple: true }]),
    [INSECURE_FLAG.name, { type: 'boolean' as const }],
    ['help', { type: 'boolean' as const, short: 'h' }],
  ]);
  const { tokens } = parseArgs({ args: [...args], options, strict: false, tokens: true });

  // Asking for help never fails on the other flags: the help is what fixes them.
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) {
    return { help: true, settings: {}, playwrightArgs: [] };
  }

  const settings: Record<string, string> = {};
  const consumed = new Set<number>();
  let projectIds: string[] | null = null;
  let collectingProjectIds = false;

  for (const token of tokens) {
    if (token.kind === 'positional' && collectingProjectIds) {
      projectIds?.push(token.value);
      consumed.add(token.index);
      continue;
    }
    collectingProjectIds = false;
    if (token.kind !== 'option') continue;

    const flag = VALUE_FLAGS.find((spec) => spec.name === token.name);
    if (token.name === INSECURE_FLAG.name) {
      if (token.value !== undefined) {
        throw new FlagError(
          `--insecure takes no value (got "${token.value}"); leave it out to keep TLS checks`,
        );
      }
      settings[INSECURE_FLAG.setting] = 'true';
    } else if (flag === undefined) {
      continue;
    } else {
      const value = readValue(flag, token.value);
      if (flag.name === 'project-ids') {
        projectIds = [...(projectIds ?? []), value];
        collectingProjectIds = true;
      } else {
        settings[flag.setting] = value;
      }
    }
    consumed.add(token.index);
    if (token.kind === 'option' && token.value !== undefined && !token.inlineValue) {
      consumed.add(token.index + 1);
    }
  }

  if (projectIds !== null) settings.LOAD_PROJECT_IDS = checkProjectIds(projectIds);
  const playwrightArgs = args.filter((_, index) => !consumed.has(index));
  return { help: false, settings, playwrightArgs };
}

function readValue(flag: FlagSpec, value: string | undefined): string {
  // parseArgs hands the next argument to a value flag even when it is another flag.
  if (value === undefined || /^--?[a-z]/i.test(value)) {
    let next = value === undefined ? 'nothing' : `the flag "${value}"`;
    if (value !== undefined && flag.secret) next = 'something that looks like a flag, not shown';
    throw new FlagError(`--${flag.name} needs a value: ${flag.valueLabel} (got ${next})`);
  }
  const expected = flag.name === 'project-ids' ? null : (flag.check?.(value) ?? null);
  if (expected !== null) {
    throw new FlagError(`--${flag.name} expects ${expected} (got ${showValue(flag, value)})`);
  }
  return value;
}

// A secret, or a URL that carries credentials, is described rather than echoed.
function showValue(flag: FlagSpec, value: string): string {
  if (flag.secret) return 'a value that is not shown';
  if (flag.name === 'base-url' && value.includes('@')) return 'a URL with credentials, not shown';
  return `"${value}"`;
}

function checkProjectIds(ids: readonly string[]): string {
  const bad = ids.find((id) => !UUID_PATTERN.test(id));
  if (bad !== undefined) {
    throw new FlagError(`--project-ids expects project UUIDs, space separated (got "${bad}")`);
  }
  return ids.join(' ');
}

function secondsFlag(
  name: string,
  setting: string,
  defaultSeconds: number,
  purpose: string,
  minSeconds?: number,
): FlagSpec {
  const expected = minSeconds === 0 ? 'a number of seconds >= 0' : 'a number of seconds > 0';
  return {
    name,
    setting,
    valueLabel: '<seconds>',
    defaultText: String(defaultSeconds),
    purpose,
    check: (value) => {
      const seconds = value.trim() === '' ? NaN : Number(value);
      const ok = Number.isFinite(seconds) && (minSeconds === 0 ? seconds >= 0 : seconds > 0);
      return ok ? null : expected;
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    const credentials = url.username !== '' || url.password !== '';
    return (url.protocol === 'http:' || url.protocol === 'https:') && !credentials;
  } catch {
    return false;
  }
}
