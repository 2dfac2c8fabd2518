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
