// The load run's Playwright configuration. With LOAD_BASE_URL unset it starts the embedded
// simulator and runs against it, so `npx playwright test` works with no setup at all.
import { defineConfig } from '@playwright/test';

import { loadEnvFile } from './src/env-file';
import { exitOnSettingError } from './src/exit-on-setting-error';
import { readJudgeSettings } from './src/judge/settings';
import { LOAD_REPORTER } from './src/run-plan';
import { readSettings } from './src/settings';

loadEnvFile();

// Every setting is checked here, before the simulator starts or any request goes out.
const settings = exitOnSettingError(() => readSettings(process.env));
exitOnSettingError(() => readJudgeSettings(process.env));
// A sharded run leaves a blob report for `npm run merge`.
const sharded = process.argv.some((arg) => arg.startsWith('--shard'));

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  retries: 0,
  // One worker per group: a worker runs one test at a time and every group must run at once.
  workers: settings.groups,
  timeout: 0,
  globalSetup: './fixtures/global-setup.ts',
  // The load reporter goes first: it redacts secrets from errors before the others see them.
  reporter: [
    [LOAD_REPORTER],
    ['list'],
    ['html', { open: 'never' }],
    ...(sharded ? [['blob'] as ['blob']] : []),
  ],
  use: { trace: 'off' },
  webServer: settings.simulator
    ? {
        command: 'npx tsx simulator/main.ts',
        url: `http://127.0.0.1:${settings.simulatorPort}/health`,
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
