import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { checkSimSettings, defaultSimSettings, readSimSettings } from '../../simulator/settings';
import { NUMERIC_SPECS } from '../../simulator/settings-spec';

test.describe('readSimSettings', () => {
  test('gives the documented defaults for an empty environment', () => {
    const settings = readSimSettings({});

    expect(settings).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      seed: 1,
      projectLock: false,
      maxConcurrentTasks: 4,
      pollHintSeconds: 5,
      interviewConcurrency: 3,
      fragmentConcurrency: 8,
      dbPoolSize: 20,
      dbMaxOverflow: 10,
      dbPoolTimeoutSeconds: 30,
      llmMaxConcurrentCalls: 100,
      llmModel: 'gpt-5.2-chat',
      unsupportedParameterRate: 0,
      pipelineSeconds: 2.2,
      pipelineJitter: 0.2,
      failRate: 0,
      keepAliveSeconds: 5,
      logFile: undefined,
      tokenTtlSeconds: 0,
      restartEverySeconds: 0,
      faultRoutes: ['enqueue', 'status'],
      faultHttpStatuses: [429, 500, 502, 503],
      faultRetryAfterSeconds: 1,
      faultDelaySeconds: 30,
    });
    expect(settings.tokens).toEqual([
      {
        token: 'local-dev-token',
        projectIds: [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`),
      },
    ]);
  });

  test('reads the backend names, SIM_ names, lists and token grants', () => {
    const settings = readSimSettings({
      SIM_PORT: '0',
      SIM_HOST: 'localhost',
      THEORY_LOCAL_MAX_CONCURRENT_TASKS: '3',
      DB_POOL_TIMEOUT: '0.25',
      SIM_PROJECT_LOCK: 'yes',
      SIM_FAULT_ROUTES: 'status, cancel',
      SIM_FAULT_HTTP_STATUSES: '503',
      SIM_TOKENS: 'a=00000000-0000-4000-8000-00000000000A; b=0000000000004000800000000000000b,',
      SIM_LOG_FILE: '  ',
    });

    expect(settings.port).toBe(0);
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.maxConcurrentTasks).toBe(3);
    expect(settings.dbPoolTimeoutSeconds).toBe(0.25);
    expect(settings.projectLock).toBe(true);
    expect(settings.faultRoutes).toEqual(['status', 'cancel']);
    expect(settings.faultHttpStatuses).toEqual([503]);
    expect(settings.tokens).toEqual([
      { token: 'a', projectIds: ['00000000-0000-4000-8000-00000000000a'] },
      { token: 'b', projectIds: ['00000000-0000-4000-8000-00000000000b'] },
    ]);
    expect(settings.logFile).toBeUndefined();
  });

  const faultRoutes = 'a comma-separated list of enqueue, status, cancel, health';
  const badValues: ReadonlyArray<[string, string, string]> = [
    ['SIM_FAIL_RATE', 'abc', 'SIM_FAIL_RATE must be a number from 0 to 1 (got "abc")'],
    ['SIM_FAIL_RATE', '1.5', 'SIM_FAIL_RATE must be a number from 0 to 1 (got "1.5")'],
    ['SIM_PORT', '70000', 'SIM_PORT must be an integer from 0 to 65535 (got "70000")'],
    ['SIM_PORT', '0x10', 'SIM_PORT must be an integer from 0 to 65535 (got "0x10")'],
    [
      'THEORY_LOCAL_MAX_CONCURRENT_TASKS',
      '0',
      'THEORY_LOCAL_MAX_CONCURRENT_TASKS must be an integer >= 1 (got "0")',
    ],
    ['DB_POOL_SIZE', '2.5', 'DB_POOL_SIZE must be an integer >= 1 (got "2.5")'],
    ['DB_POOL_TIMEOUT', '-1', 'DB_POOL_TIMEOUT must be a number >= 0 (got "-1")'],
    ['SIM_PIPELINE_SECONDS', '0', 'SIM_PIPELINE_SECONDS must be a number > 0 (got "0")'],
    [
      'SIM_KEEP_ALIVE_SECONDS',
      'Infinity',
      'SIM_KEEP_ALIVE_SECONDS must be a number > 0 (got "Infinity")',
    ],
    [
      'SIM_HOST',
      '0.0.0.0',
      'SIM_HOST must be a loopback address (127.0.0.1, another 127.x.y.z, ::1 or localhost) (got "0.0.0.0")',
    ],
    [
      'SIM_PROJECT_LOCK',
      'maybe',
      'SIM_PROJECT_LOCK must be one of true, false, 1, 0, yes, no, on, off (got "maybe")',
    ],
    [
      'SIM_FAULT_HTTP_STATUSES',
      '429,404',
      'SIM_FAULT_HTTP_STATUSES must be a comma-separated list of 429, 500, 502, 503 (got "429,404")',
    ],
    [
      'SIM_FAULT_ROUTES',
      'enqueue,poll',
      `SIM_FAULT_ROUTES must be ${faultRoutes} (got "enqueue,poll")`,
    ],
    [
      'SIM_TOKENS',
      'abc=not-a-uuid',
      'SIM_TOKENS must be project ids that are UUIDs (got "not-a-uuid")',
    ],
    [
      'SIM_TOKENS',
      'no-equals-sign',
      'SIM_TOKENS must be entries "token=project-uuid,..." separated by ";" (got "no-equals-sign")',
    ],
  ];
  for (const [name, value, message] of badValues) {
    test(`rejects ${name}=${value} with a message naming the setting, value and expectation`, () => {
      expect(() => readSimSettings({ [name]: value })).toThrow(message);
    });
  }

  test('rejects fault rates that add up to more than one draw', () => {
    const env = { SIM_FAULT_HTTP_RATE: '0.6', SIM_FAULT_RESET_RATE: '0.6' };

    expect(() => readSimSettings(env)).toThrow(
      /SIM_FAULT_HTTP_RATE \+ .* must be at most 1 in total/,
    );
  });

  test('checks overrides given from code with the same rules as the environment', () => {
    const settings = { ...defaultSimSettings(), failRate: 2 };

    expect(() => checkSimSettings(settings)).toThrow(
      'SIM_FAIL_RATE must be a number from 0 to 1 (got 2)',
    );
    expect(() => checkSimSettings({ ...defaultSimSettings(), host: '10.0.0.1' })).toThrow(
      /SIM_HOST/,
    );
    const shoutingId = '00000000-0000-4000-8000-00000000000A';
    const shouting = [{ token: 't', projectIds: [shoutingId] }];
    expect(() => checkSimSettings({ ...defaultSimSettings(), tokens: shouting })).toThrow(
      `SIM_TOKENS must be project ids as lowercase hyphenated UUIDs (got "${shoutingId}")`,
    );
  });
});

test.describe('.env.example', () => {
  test('lists every simulator setting with exactly its default', async () => {
    const text = await readFile(join(__dirname, '../../.env.example'), 'utf8');
    // From the simulator's heading to the next heading, if another section follows one day.
    const start = text.indexOf('# --- Embedded simulator');
    const next = text.indexOf('\n# ---', start + 1);
    const section = text.slice(start, next < 0 ? undefined : next);
    const env: Record<string, string> = {};
    const listed: string[] = [];
    for (const line of section.split('\n')) {
      const entry = /^#? ?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line);
      if (entry === null) continue;
      listed.push(entry[1]);
      if (!line.startsWith('#')) env[entry[1]] = entry[2];
    }

    expect(readSimSettings(env)).toEqual(defaultSimSettings());
    const names = [
      ...NUMERIC_SPECS.map((spec) => spec.env),
      'SIM_HOST',
      'SIM_TOKENS',
      'SIM_PROJECT_LOCK',
      'SIM_LLM_MODEL',
      'SIM_LOG_FILE',
      'SIM_FAULT_ROUTES',
      'SIM_FAULT_HTTP_STATUSES',
    ];
    expect([...listed].sort()).toEqual([...names].sort());
  });
});
