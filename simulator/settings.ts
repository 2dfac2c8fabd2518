// The simulator's settings: read once from the environment (or given from code), checked before
// anything listens, typed. Tuning knobs keep the backend's own names so the runbook's advice
// ("lower CODING_FRAGMENT_CONCURRENCY to 6") reads the same here.

import {
  DEFAULT_TOKENS_TEXT,
  parseBooleanSetting,
  parseDecimal,
  parseFaultRoutes,
  parseFaultStatuses,
  parseLoopbackHost,
  parseTokenGrants,
  settingError,
} from './settings-parsers';
import { FAULT_RATE_KEYS, NUMERIC_SPECS, describeRange, fitsSpec } from './settings-spec';
import { canonicalUuid } from './uuid';

import type { FaultRoute, TokenGrant } from './settings-parsers';
import type { NumericKey } from './settings-spec';

export type { FaultRoute, TokenGrant } from './settings-parsers';

export interface SimSettings {
  port: number;
  host: string;
  seed: number;
  tokens: TokenGrant[];
  projectLock: boolean;

  maxConcurrentTasks: number;
  pollHintSeconds: number;
  interviewConcurrency: number;
  fragmentConcurrency: number;
  dbPoolSize: number;
  dbMaxOverflow: number;
  dbPoolTimeoutSeconds: number;

  llmMaxConcurrentCalls: number;
  llmModel: string;
  unsupportedParameterRate: number;
  pipelineSeconds: number;
  pipelineJitter: number;
  failRate: number;

  keepAliveSeconds: number;
  logFile: string | undefined;
  tokenTtlSeconds: number;
  restartEverySeconds: number;

  faultRoutes: FaultRoute[];
  faultHttpRate: number;
  faultHttpStatuses: number[];
  faultRetryAfterSeconds: number;
  faultDelayRate: number;
  faultDelaySeconds: number;
  faultResetRate: number;
  faultMalformedRate: number;
  faultMissingTaskIdRate: number;
}

/**
 * Reads every setting from `env`, applying defaults for unset or empty values.
 *
 * @throws Error naming the setting, the bad value and what is expected, for example
 *   `SIM_FAIL_RATE must be a number from 0 to 1 (got "abc")`.
 */
export function readSimSettings(env: NodeJS.ProcessEnv): SimSettings {
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };

  const numbers = {} as Record<NumericKey, number>;
  for (const spec of NUMERIC_SPECS) {
    const raw = text(spec.env);
    if (raw === undefined) {
      numbers[spec.key] = spec.defaultValue;
      continue;
    }
    const value = parseDecimal(raw);
    if (!fitsSpec(spec, value)) throw settingError(spec.env, describeRange(spec), raw);
    numbers[spec.key] = value;
  }

  const lock = text('SIM_PROJECT_LOCK');
  const routes = text('SIM_FAULT_ROUTES');
  const statuses = text('SIM_FAULT_HTTP_STATUSES');
  const settings: SimSettings = {
    ...numbers,
    host: parseLoopbackHost('SIM_HOST', text('SIM_HOST') ?? '127.0.0.1'),
    tokens: parseTokenGrants('SIM_TOKENS', text('SIM_TOKENS') ?? DEFAULT_TOKENS_TEXT),
    projectLock: lock === undefined ? false : parseBooleanSetting('SIM_PROJECT_LOCK', lock),
    llmModel: text('SIM_LLM_MODEL')?.trim() ?? 'gpt-5.2-chat',
    logFile: text('SIM_LOG_FILE')?.trim(),
    faultRoutes: parseFaultRoutes('SIM_FAULT_ROUTES', routes ?? 'enqueue,status'),
    faultHttpStatuses: parseFaultStatuses('SIM_FAULT_HTTP_STATUSES', statuses ?? '429,500,502,503'),
  };
  return checkSimSettings(settings);
}

/** The defaults, as if the environment were empty. */
export function defaultSimSettings(): SimSettings {
  return readSimSettings({});
}

/**
 * Checks a settings object built in code (defaults plus overrides) with the same rules as the
 * environment, so a test that passes `{ failRate: 2 }` fails as loudly as `SIM_FAIL_RATE=2`.
 */
export function checkSimSettings(settings: SimSettings): SimSettings {
  for (const spec of NUMERIC_SPECS) {
    const value = settings[spec.key];
    if (typeof value !== 'number' || !fitsSpec(spec, value)) {
      throw settingError(spec.env, describeRange(spec), value);
    }
  }

  const faultRateSum = FAULT_RATE_KEYS.reduce((sum, key) => sum + settings[key], 0);
  if (faultRateSum > 1 + 1e-9) {
    const names = NUMERIC_SPECS.filter((spec) => FAULT_RATE_KEYS.includes(spec.key))
      .map((spec) => spec.env)
      .join(' + ');
    throw settingError(names, 'at most 1 in total (one draw per request)', faultRateSum);
  }
  // Overrides from code must not open the simulator to other machines either.
  parseLoopbackHost('SIM_HOST', settings.host);
  if (settings.tokens.length === 0) {
    throw settingError('SIM_TOKENS', 'at least one token', settings.tokens);
  }
  // Ids given from code are compared as they are, so they must already be in canonical form.
  const projectIds = settings.tokens.flatMap((grant) => grant.projectIds);
  const odd = projectIds.find((projectId) => canonicalUuid(projectId) !== projectId);
  if (odd !== undefined) {
    throw settingError('SIM_TOKENS', 'project ids as lowercase hyphenated UUIDs', odd);
  }
  if (settings.llmModel === '') throw settingError('SIM_LLM_MODEL', 'a model name', '');
  return settings;
}
