import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import {
  INITIAL_PROFILE,
  loadBackendProfile,
  parseInlineProfile,
} from '../../src/judge/backend-profile';
import { readJudgeSettings } from '../../src/judge/settings';

test.describe('readJudgeSettings', () => {
  test("gives the runbook's criteria and no abort when nothing is set", () => {
    expect(readJudgeSettings({})).toEqual({
      maxEnqueueP95Ms: 1500,
      minCompletedRatio: 0.95,
      maxFailedTimeoutRatio: 0.05,
      unsupportedMax: 1,
      backendLogs: [],
      backendProfile: INITIAL_PROFILE,
      abortFailureRatio: null,
      abortMinUsers: 10,
    });
  });

  test('reads every setting, trimming values and splitting the log list on commas', () => {
    const settings = readJudgeSettings({
      LOAD_MAX_ENQUEUE_P95_MS: ' 900 ',
      LOAD_MIN_COMPLETED_RATIO: '0.9',
      LOAD_MAX_FAILED_TIMEOUT_RATIO: '0.1',
      LOAD_UNSUPPORTED_MAX: '0',
      LOAD_BACKEND_LOGS: 'a.log, logs/*.jsonl,,',
      LOAD_BACKEND_PROFILE: 'DB_POOL_SIZE=30,DB_MAX_OVERFLOW=20',
      LOAD_ABORT_FAILURE_RATIO: '0.5',
      LOAD_ABORT_MIN_USERS: '20',
    });
    expect(settings).toEqual({
      maxEnqueueP95Ms: 900,
      minCompletedRatio: 0.9,
      maxFailedTimeoutRatio: 0.1,
      unsupportedMax: 0,
      backendLogs: ['a.log', 'logs/*.jsonl'],
      backendProfile: { ...INITIAL_PROFILE, DB_POOL_SIZE: 30, DB_MAX_OVERFLOW: 20 },
      abortFailureRatio: 0.5,
      abortMinUsers: 20,
    });
  });

  test('treats empty values as unset', () => {
    const settings = readJudgeSettings({ LOAD_ABORT_FAILURE_RATIO: ' ', LOAD_BACKEND_LOGS: '' });
    expect(settings.abortFailureRatio).toBeNull();
    expect(settings.backendLogs).toEqual([]);
  });

  const badValues: [string, string, string][] = [
    [
      'LOAD_ABORT_FAILURE_RATIO',
      '2',
      'LOAD_ABORT_FAILURE_RATIO must be a number from 0 to 1 (got "2")',
    ],
    [
      'LOAD_MIN_COMPLETED_RATIO',
      'most',
      'LOAD_MIN_COMPLETED_RATIO must be a number from 0 to 1 (got "most")',
    ],
    [
      'LOAD_MAX_FAILED_TIMEOUT_RATIO',
      '-0.1',
      'LOAD_MAX_FAILED_TIMEOUT_RATIO must be a number from 0 to 1 (got "-0.1")',
    ],
    ['LOAD_MAX_ENQUEUE_P95_MS', '0', 'LOAD_MAX_ENQUEUE_P95_MS must be a number > 0 (got "0")'],
    [
      'LOAD_MAX_ENQUEUE_P95_MS',
      '1.5s',
      'LOAD_MAX_ENQUEUE_P95_MS must be a number > 0 (got "1.5s")',
    ],
    ['LOAD_UNSUPPORTED_MAX', '1.5', 'LOAD_UNSUPPORTED_MAX must be an integer >= 0 (got "1.5")'],
    ['LOAD_ABORT_MIN_USERS', '0', 'LOAD_ABORT_MIN_USERS must be an integer >= 1 (got "0")'],
  ];
  for (const [name, value, message] of badValues) {
    test(`rejects ${name}="${value}" naming the setting, the value and what it expects`, () => {
      expect(() => readJudgeSettings({ [name]: value })).toThrow(message);
    });
  }
});

test.describe('backend profile', () => {
  let folder: string;
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'judge-profile-'));
  });
  test.afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  test("is the runbook's initial profile when unset", () => {
    expect(loadBackendProfile(null)).toEqual({
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: 4,
      THEORY_INTERVIEW_CONCURRENCY: 3,
      CODING_FRAGMENT_CONCURRENCY: 8,
      THEORY_STATUS_POLL_HINT_SECONDS: 5,
      DB_POOL_SIZE: 20,
      DB_MAX_OVERFLOW: 10,
    });
  });

  test('reads an inline list with commas or spaces and keeps the other initial values', () => {
    expect(
      parseInlineProfile('THEORY_LOCAL_MAX_CONCURRENT_TASKS=3 THEORY_STATUS_POLL_HINT_SECONDS = 7'),
    ).toEqual({
      ...INITIAL_PROFILE,
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: 3,
      THEORY_STATUS_POLL_HINT_SECONDS: 7,
    });
    expect(loadBackendProfile('DB_POOL_SIZE=30, DB_MAX_OVERFLOW=20')).toEqual({
      ...INITIAL_PROFILE,
      DB_POOL_SIZE: 30,
      DB_MAX_OVERFLOW: 20,
    });
  });

  test('reads a JSON file whose values are numbers or numeric strings', () => {
    const path = join(folder, 'profile.json');
    writeFileSync(
      path,
      JSON.stringify({ CODING_FRAGMENT_CONCURRENCY: 6, THEORY_INTERVIEW_CONCURRENCY: '2' }),
    );
    expect(loadBackendProfile(path)).toEqual({
      ...INITIAL_PROFILE,
      CODING_FRAGMENT_CONCURRENCY: 6,
      THEORY_INTERVIEW_CONCURRENCY: 2,
    });
  });

  test('reaches readJudgeSettings through LOAD_BACKEND_PROFILE as a file path', () => {
    const path = join(folder, 'profile.json');
    writeFileSync(path, '{"DB_POOL_SIZE": 40}');
    expect(readJudgeSettings({ LOAD_BACKEND_PROFILE: path }).backendProfile.DB_POOL_SIZE).toBe(40);
  });

  test('rejects an unknown key, so a misspelt knob is not silently ignored', () => {
    expect(() => loadBackendProfile('DB_POOL_SIZ=30')).toThrow(
      'LOAD_BACKEND_PROFILE: unknown setting "DB_POOL_SIZ" ' +
        '(expected one of THEORY_LOCAL_MAX_CONCURRENT_TASKS,',
    );
  });

  test('rejects a value that is not a number >= 0', () => {
    expect(() => loadBackendProfile('DB_POOL_SIZE=lots')).toThrow(
      'LOAD_BACKEND_PROFILE: DB_POOL_SIZE must be a number >= 0 (got "lots")',
    );
    expect(() => loadBackendProfile('DB_POOL_SIZE=')).toThrow(
      'DB_POOL_SIZE must be a number >= 0 (got "")',
    );
  });

  test('rejects a pair without "=" in an inline list', () => {
    expect(() => loadBackendProfile('DB_POOL_SIZE=30,DB_MAX_OVERFLOW')).toThrow(
      'LOAD_BACKEND_PROFILE must be KEY=VALUE pairs or a JSON file (got "DB_MAX_OVERFLOW")',
    );
  });

  test('names the setting and the path when the file is missing', () => {
    const path = join(folder, 'missing.json');
    expect(() => loadBackendProfile(path)).toThrow(
      `LOAD_BACKEND_PROFILE: cannot read the profile file "${path}"`,
    );
  });

  test('rejects a file that is not a JSON object', () => {
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"DB_POOL_SIZE": ');
    expect(() => loadBackendProfile(broken)).toThrow(
      `LOAD_BACKEND_PROFILE file "${broken}" must hold a JSON object of settings (it is not valid JSON)`,
    );
    const list = join(folder, 'list.json');
    writeFileSync(list, '[1, 2]');
    expect(() => loadBackendProfile(list)).toThrow(
      'must hold a JSON object of settings (got object)',
    );
  });
});
