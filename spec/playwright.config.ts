// The project's own tests: unit specs of the pure core, the simulator over real HTTP, and
// end-to-end runs of the load suite as child processes. Separate from playwright.config.ts,
// which is the load run users start.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  outputDir: '../test-results/spec',
  fullyParallel: true,
  // Two cores: end-to-end files run their Playwright children one at a time on top of this.
  workers: 2,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
});
