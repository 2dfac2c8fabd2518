import { expect, test } from '@playwright/test';

import { SIMULATOR_PROJECT_IDS, readSettings, toPublicSettings } from '../src/settings';

const TARGET = Object.freeze({ LOAD_BASE_URL: 'https://staging.example', LOAD_TOKEN: 'tok' });

test('defaults target the embedded simulator with its token and five projects', () => {
  const settings = readSettings({});
  expect(settings).toMatchObject({
    apiBaseUrl: 'http://127.0.0.1:4010/api',
    simulator: true,
    token: 'local-dev-token',
    users: 100,
    spawnIntervalS: 0.15,
    pollIntervalS: 5,
    pipelineTimeoutS: 1200,
    requestTimeoutS: 30,
    insecure: false,
    enqueueBody: { min_interviews: 1, use_model_router: true },
    output: 'load-results/results.json',
    startAtMs: null,
  });
  expect(settings.projectIds).toEqual(SIMULATOR_PROJECT_IDS);
  expect(SIMULATOR_PROJECT_IDS[4]).toBe('00000000-0000-4000-8000-000000000005');
});

const baseUrls: [string, string][] = [
  ['https://staging.example', 'https://staging.example/api'],
  ['https://staging.example/', 'https://staging.example/api'],
  ['https://staging.example/api', 'https://staging.example/api'],
  ['https://staging.example/api/', 'https://staging.example/api'],
  ['http://127.0.0.1:8000/backend', 'http://127.0.0.1:8000/backend/api'],
];
for (const [raw, expected] of baseUrls) {
  test(`accepts LOAD_BASE_URL ${raw} with or without /api`, () => {
    expect(readSettings({ ...TARGET, LOAD_BASE_URL: raw }).apiBaseUrl).toBe(expected);
  });
}

test('splits project ids on commas and spaces', () => {
  const ids = `${SIMULATOR_PROJECT_IDS[0]}, ${SIMULATOR_PROJECT_IDS[1]}  ${SIMULATOR_PROJECT_IDS[2]}`;
  expect(readSettings({ LOAD_PROJECT_IDS: ids }).projectIds).toEqual(
    SIMULATOR_PROJECT_IDS.slice(0, 3),
  );
});

test('reads LOAD_START_AT as epoch milliseconds or ISO time', () => {
  expect(readSettings({ LOAD_START_AT: '1767225600000' }).startAtMs).toBe(1767225600000);
  expect(readSettings({ LOAD_START_AT: '2026-01-01T00:00:00Z' }).startAtMs).toBe(1767225600000);
});

const badValues: [Record<string, string>, string][] = [
  [{ LOAD_BASE_URL: 'https://x' }, 'LOAD_TOKEN must be set to a bearer token'],
  [
    { LOAD_BASE_URL: 'ftp://x', LOAD_TOKEN: 't' },
    'LOAD_BASE_URL must be an http or https URL (got "ftp://x")',
  ],
  [
    { LOAD_BASE_URL: 'not a url', LOAD_TOKEN: 't' },
    'LOAD_BASE_URL must be an http or https URL (got "not a url")',
  ],
  [{ LOAD_USERS: 'abc' }, 'LOAD_USERS must be an integer >= 1 (got "abc")'],
  [{ LOAD_USERS: '0' }, 'LOAD_USERS must be an integer >= 1 (got "0")'],
  [{ LOAD_USERS: '2.5' }, 'LOAD_USERS must be an integer >= 1 (got "2.5")'],
  [{ LOAD_SPAWN_INTERVAL: '-1' }, 'LOAD_SPAWN_INTERVAL must be a number >= 0 (got "-1")'],
  [{ LOAD_POLL_INTERVAL: 'fast' }, 'LOAD_POLL_INTERVAL must be a number >= 0.01 (got "fast")'],
  [{ LOAD_PIPELINE_TIMEOUT: '0' }, 'LOAD_PIPELINE_TIMEOUT must be a number >= 0.01 (got "0")'],
  [{ LOAD_REQUEST_TIMEOUT: 'NaN' }, 'LOAD_REQUEST_TIMEOUT must be a number >= 0.01 (got "NaN")'],
  [{ LOAD_INSECURE: 'maybe' }, 'LOAD_INSECURE must be true or false (got "maybe")'],
  [{ LOAD_ENQUEUE_BODY: '{bad' }, 'LOAD_ENQUEUE_BODY must be a JSON object (got "{bad")'],
  [{ LOAD_ENQUEUE_BODY: '[1]' }, 'LOAD_ENQUEUE_BODY must be a JSON object (got "[1]")'],
  [{ LOAD_PROJECT_IDS: 'abc' }, 'LOAD_PROJECT_IDS must list project UUIDs (got "abc")'],
  [{ LOAD_PROJECT_IDS: ' , ' }, 'LOAD_PROJECT_IDS must list at least one project UUID'],
  [{ LOAD_GROUPS: '0' }, 'LOAD_GROUPS must be an integer from 1 to 64 (got "0")'],
  [
    { LOAD_START_AT: 'soon' },
    'LOAD_START_AT must be epoch milliseconds or an ISO 8601 date-time (got "soon")',
  ],
];
for (const [env, message] of badValues) {
  test(`rejects ${JSON.stringify(env)} naming the setting and the value`, () => {
    expect(() => readSettings(env)).toThrow(message);
  });
}

test('public settings never carry the token', () => {
  const settings = readSettings({ ...TARGET, LOAD_TOKEN: 'very-secret-token' });
  expect(JSON.stringify(toPublicSettings(settings, 0))).not.toContain('very-secret-token');
});
