// The project's own tests: unit specs of the pure core, the simulator over real HTTP, and
// end-to-end runs of the load suite as child processes. Separate from playwright.config.ts,
// which is the load run users start.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  outputDir: '../test-results/spec',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  projects: [
    { name: 'unit', testIgnore: 'e2e/**' },
    // Each end-to-end test starts Playwright with several workers of its own: on two cores,
    // one such run at a time keeps them from starving each other.
    { name: 'e2e', testMatch: 'e2e/**/*.test.ts', workers: 1 },
  ],
});
