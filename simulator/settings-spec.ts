// The numeric settings as one table, so that reading the environment, checking overrides given
// from code and the README all agree on the same names, ranges and defaults.

export interface NumericSpec {
  env: string;
  key: NumericKey;
  integer: boolean;
  min: number;
  // A rate or a duration of 0 can be meaningful; a pipeline of 0 s or a keep-alive of 0 s cannot.
  minExclusive?: boolean;
  max?: number;
  defaultValue: number;
}

export type NumericKey =
  | 'port'
  | 'seed'
  | 'maxConcurrentTasks'
  | 'pollHintSeconds'
  | 'interviewConcurrency'
  | 'fragmentConcurrency'
  | 'dbPoolSize'
  | 'dbMaxOverflow'
  | 'dbPoolTimeoutSeconds'
  | 'llmMaxConcurrentCalls'
  | 'unsupportedParameterRate'
  | 'pipelineSeconds'
  | 'pipelineJitter'
  | 'failRate'
  | 'keepAliveSeconds'
  | 'tokenTtlSeconds'
  | 'restartEverySeconds'
  | 'faultHttpRate'
  | 'faultRetryAfterSeconds'
  | 'faultDelayRate'
  | 'faultDelaySeconds'
  | 'faultResetRate'
  | 'faultMalformedRate'
  | 'faultMissingTaskIdRate';

const UINT32_MAX = 4294967295;

function rate(env: string, key: NumericKey): NumericSpec {
  return { env, key, integer: false, min: 0, max: 1, defaultValue: 0 };
}

export const NUMERIC_SPECS: readonly NumericSpec[] = [
  { env: 'SIM_PORT', key: 'port', integer: true, min: 0, max: 65535, defaultValue: 4010 },
  { env: 'SIM_SEED', key: 'seed', integer: true, min: 0, max: UINT32_MAX, defaultValue: 1 },
  {
    env: 'THEORY_LOCAL_MAX_CONCURRENT_TASKS',
    key: 'maxConcurrentTasks',
    integer: true,
    min: 1,
    defaultValue: 4,
  },
  {
    env: 'THEORY_STATUS_POLL_HINT_SECONDS',
    key: 'pollHintSeconds',
    integer: true,
    min: 0,
    defaultValue: 5,
  },
  {
    env: 'THEORY_INTERVIEW_CONCURRENCY',
    key: 'interviewConcurrency',
    integer: true,
    min: 1,
    defaultValue: 3,
  },
  {
    env: 'CODING_FRAGMENT_CONCURRENCY',
    key: 'fragmentConcurrency',
    integer: true,
    min: 1,
    defaultValue: 8,
  },
  { env: 'DB_POOL_SIZE', key: 'dbPoolSize', integer: true, min: 1, defaultValue: 20 },
  { env: 'DB_MAX_OVERFLOW', key: 'dbMaxOverflow', integer: true, min: 0, defaultValue: 10 },
  { env: 'DB_POOL_TIMEOUT', key: 'dbPoolTimeoutSeconds', integer: false, min: 0, defaultValue: 30 },
  {
    env: 'SIM_LLM_MAX_CONCURRENT_CALLS',
    key: 'llmMaxConcurrentCalls',
    integer: true,
    min: 1,
    defaultValue: 100,
  },
  rate('SIM_UNSUPPORTED_PARAMETER_RATE', 'unsupportedParameterRate'),
  // 25 rounds of the default semaphore (100 users / 4 slots) at about 2.2 s each end a
  // runbook-shaped run in about a minute, including the last 5 s poll.
  {
    env: 'SIM_PIPELINE_SECONDS',
    key: 'pipelineSeconds',
    integer: false,
    min: 0,
    minExclusive: true,
    defaultValue: 2.2,
  },
  {
    env: 'SIM_PIPELINE_JITTER',
    key: 'pipelineJitter',
    integer: false,
    min: 0,
    max: 1,
    defaultValue: 0.2,
  },
  rate('SIM_FAIL_RATE', 'failRate'),
  {
    env: 'SIM_KEEP_ALIVE_SECONDS',
    key: 'keepAliveSeconds',
    integer: false,
    min: 0,
    minExclusive: true,
    defaultValue: 5,
  },
  { env: 'SIM_TOKEN_TTL_SECONDS', key: 'tokenTtlSeconds', integer: false, min: 0, defaultValue: 0 },
  {
    env: 'SIM_RESTART_EVERY_SECONDS',
    key: 'restartEverySeconds',
    integer: false,
    min: 0,
    defaultValue: 0,
  },
  rate('SIM_FAULT_HTTP_RATE', 'faultHttpRate'),
  {
    env: 'SIM_FAULT_RETRY_AFTER_SECONDS',
    key: 'faultRetryAfterSeconds',
    integer: true,
    min: 0,
    defaultValue: 1,
  },
  rate('SIM_FAULT_DELAY_RATE', 'faultDelayRate'),
  {
    env: 'SIM_FAULT_DELAY_SECONDS',
    key: 'faultDelaySeconds',
    integer: false,
    min: 0,
    defaultValue: 30,
  },
  rate('SIM_FAULT_RESET_RATE', 'faultResetRate'),
  rate('SIM_FAULT_MALFORMED_RATE', 'faultMalformedRate'),
  rate('SIM_FAULT_MISSING_TASK_ID_RATE', 'faultMissingTaskIdRate'),
];

/** The fault rates share one draw per request, so together they cannot exceed 1. */
export const FAULT_RATE_KEYS: readonly NumericKey[] = [
  'faultHttpRate',
  'faultDelayRate',
  'faultResetRate',
  'faultMalformedRate',
  'faultMissingTaskIdRate',
];

/** Says what a spec accepts, in the words an error message needs. */
export function describeRange(spec: NumericSpec): string {
  const noun = spec.integer ? 'an integer' : 'a number';
  if (spec.max !== undefined) return `${noun} from ${spec.min} to ${spec.max}`;
  return `${noun} ${spec.minExclusive ? '>' : '>='} ${spec.min}`;
}

/** True when the value is a finite number that the spec accepts. */
export function fitsSpec(spec: NumericSpec, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (spec.integer && !Number.isInteger(value)) return false;
  if (spec.minExclusive ? value <= spec.min : value < spec.min) return false;
  return spec.max === undefined || value <= spec.max;
}
