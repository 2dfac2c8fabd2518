// The judge's settings: the runbook's acceptance criteria, where the backend logs are, the
// backend's current tuning, and when to abort. Read once, validated before any traffic.
import { readInteger, readNumber, readString } from '../setting-parse';
import { loadBackendProfile } from './backend-profile';
import { JUDGE_DEFAULTS } from './defaults';

import type { BackendProfile } from './backend-profile';

export interface JudgeSettings {
  maxEnqueueP95Ms: number;
  minCompletedRatio: number;
  maxFailedTimeoutRatio: number;
  /** More occurrences than this are "recurring" and fail the criterion. */
  unsupportedMax: number;
  /** Files or globs; empty when LOAD_BACKEND_LOGS is unset. */
  backendLogs: string[];
  backendProfile: BackendProfile;
  /** null: never abort. */
  abortFailureRatio: number | null;
  abortMinUsers: number;
}

/**
 * The `.env.example` block for these settings: each line shows the default and its meaning.
 * Optional settings are commented out because their default is "unset".
 */
export const JUDGE_ENV_EXAMPLE = [
  '# --- Verdict, advice and abort (issue 4) ---',
  '# Acceptance: enqueue p95 must stay below this many milliseconds.',
  'LOAD_MAX_ENQUEUE_P95_MS=1500',
  '# Acceptance: share of users that must end completed (0 to 1).',
  'LOAD_MIN_COMPLETED_RATIO=0.95',
  '# Acceptance: largest share of users allowed to end failed or timeout (0 to 1).',
  'LOAD_MAX_FAILED_TIMEOUT_RATIO=0.05',
  '# Acceptance: more unsupported_parameter occurrences than this count as recurring.',
  'LOAD_UNSUPPORTED_MAX=1',
  '# Backend log files or globs to scan for unsupported_parameter, comma-separated (plain text',
  '# or JSON lines from Log Analytics). Unset: only failed tasks are scanned.',
  '# LOAD_BACKEND_LOGS=logs/backend-*.log,exports/console.jsonl',
  "# The backend's current tuning, so advice names next values: a JSON file or KEY=VALUE list",
  "# (keys left out keep the runbook's initial value). Unset: the runbook's initial profile,",
  '# THEORY_LOCAL_MAX_CONCURRENT_TASKS=4 THEORY_INTERVIEW_CONCURRENCY=3',
  '# CODING_FRAGMENT_CONCURRENCY=8 THEORY_STATUS_POLL_HINT_SECONDS=5',
  '# DB_POOL_SIZE=20 DB_MAX_OVERFLOW=10',
  '# LOAD_BACKEND_PROFILE=DB_POOL_SIZE=30,DB_MAX_OVERFLOW=20',
  '# Stop starting users once this share of finished users failed (enqueue_failed,',
  '# status_failed, exception), 0 to 1. Unset: never abort.',
  '# LOAD_ABORT_FAILURE_RATIO=0.5',
  '# Finished users needed before LOAD_ABORT_FAILURE_RATIO is checked.',
  'LOAD_ABORT_MIN_USERS=10',
].join('\n');

/**
 * Reads and validates the judge's settings from the environment.
 *
 * @throws SettingError on the first bad value, naming the setting, the value and what is
 * expected, e.g. `LOAD_ABORT_FAILURE_RATIO must be a number from 0 to 1 (got "2")`.
 */
export function readJudgeSettings(env: NodeJS.ProcessEnv): JudgeSettings {
  const logs = readString(env, 'LOAD_BACKEND_LOGS');
  const ratio = { min: 0, max: 1 };

  return {
    maxEnqueueP95Ms: readNumber(env, 'LOAD_MAX_ENQUEUE_P95_MS', JUDGE_DEFAULTS.maxEnqueueP95Ms, {
      above: 0,
    }),
    minCompletedRatio: readNumber(
      env,
      'LOAD_MIN_COMPLETED_RATIO',
      JUDGE_DEFAULTS.minCompletedRatio,
      ratio,
    ),
    maxFailedTimeoutRatio: readNumber(
      env,
      'LOAD_MAX_FAILED_TIMEOUT_RATIO',
      JUDGE_DEFAULTS.maxFailedTimeoutRatio,
      ratio,
    ),
    unsupportedMax: readInteger(env, 'LOAD_UNSUPPORTED_MAX', JUDGE_DEFAULTS.unsupportedMax, {
      min: 0,
    }),
    backendLogs: logs === null ? [] : splitList(logs),
    backendProfile: loadBackendProfile(readString(env, 'LOAD_BACKEND_PROFILE')),
    abortFailureRatio:
      readString(env, 'LOAD_ABORT_FAILURE_RATIO') === null
        ? null
        : readNumber(env, 'LOAD_ABORT_FAILURE_RATIO', 0, ratio),
    abortMinUsers: readInteger(env, 'LOAD_ABORT_MIN_USERS', JUDGE_DEFAULTS.abortMinUsers, {
      min: 1,
    }),
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
