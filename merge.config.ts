// Configuration for `npm run merge -- <folder of blob reports>`: the same reporters as a run,
// fed by the shards' blobs, so the merged results JSON and HTML report read like one run's.
import { defineConfig } from '@playwright/test';

import { loadEnvFile } from './src/env-file';

loadEnvFile();

export default defineConfig({
  // Must match playwright.config.ts so test ids line up across the shards' blobs.
  testDir: './tests',
  reporter: [['./reporters/load-reporter.ts'], ['html', { open: 'never' }]],
});
