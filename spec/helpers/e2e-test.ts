// The end-to-end tests' Playwright test: a `simulate` fixture that starts a fast simulator on a
// free loopback port and always closes it, plus the client settings that point a run at it.
import { test as base } from '@playwright/test';

import { startSimulator } from '../../simulator/server';

import type { RunningSimulator } from '../../simulator/server';
import type { SimSettings } from '../../simulator/settings';

/** A fast simulator: short pipelines, enough slots that a 100-user run ends in seconds. */
export const FAST_SIMULATOR: Partial<SimSettings> = Object.freeze({
  port: 0,
  pipelineSeconds: 0.3,
  pipelineJitter: 0,
  maxConcurrentTasks: 25,
  pollHintSeconds: 1,
  // 25 tasks × 3 interviews × 8 fragments of LLM calls would trip the provider's rate limit.
  llmMaxConcurrentCalls: 10_000,
});

/** A fast client: the server's poll hint is clamped to at least 2 s, so polls come every 2 s. */
export const FAST_CLIENT = Object.freeze({
  LOAD_SPAWN_INTERVAL: '0.02',
  LOAD_POLL_INTERVAL: '0.5',
});

export const test = base.extend<{
  simulate: (overrides?: Partial<SimSettings>) => Promise<RunningSimulator>;
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  simulate: async ({}, use) => {
    const running: RunningSimulator[] = [];
    await use(async (overrides = {}) => {
      const simulator = await startSimulator({ ...FAST_SIMULATOR, ...overrides });
      running.push(simulator);
      return simulator;
    });
    await Promise.all(running.map((simulator) => simulator.close()));
  },
});

/** LOAD_ settings for a fast run against `simulator`, plus any overrides. */
export function target(
  simulator: RunningSimulator,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    LOAD_BASE_URL: simulator.url,
    LOAD_TOKEN: 'local-dev-token',
    ...FAST_CLIENT,
    ...env,
  };
}
