// The verdict end to end: each runbook criterion fails for its own reason against a simulator
// that misbehaves in that one way, and the exit code says so.
import { writeFileSync } from 'node:fs';

import { expect } from '@playwright/test';

import {
  EXIT_BAD_SETTING,
  EXIT_CRITERIA_FAILED,
  EXIT_NOT_JUDGED,
  EXIT_PASSED,
} from '../../src/judge/exit-codes';
import { target, test } from '../helpers/e2e-test';
import { runLoad } from '../helpers/load-run';

import type { RunResults } from '../../src/records';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

function criterion(results: RunResults, name: string) {
  const found = results.verdict?.criteria.find((c) => c.name === name);
  if (found === undefined)
    throw new Error(`no criterion ${name} in ${JSON.stringify(results.verdict)}`);
  return found;
}

function failedCriteria(results: RunResults): string[] {
  return results.verdict!.criteria.filter((c) => c.passed === false).map((c) => c.name);
}

test('a healthy run passes every criterion and exits 0', async ({ simulate }, testInfo) => {
  const sim = await simulate();
  const run = await runLoad({
    env: target(sim, { LOAD_USERS: '40' }),
    outputDir: testInfo.outputPath('run'),
  });
  const results = run.results!;

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_PASSED);
  expect(results.verdict).toMatchObject({ passed: true, judged: true });
  expect(results.verdict!.criteria.map((c) => [c.name, c.passed])).toEqual(
    results.verdict!.criteria.map((c) => [c.name, true]),
  );
  expect(results.verdict!.criteria).toHaveLength(4);
  expect(run.stdout).toMatch(/passed/i);
});

test('an injected enqueue delay pushes p95 over its bound', async ({ simulate }, testInfo) => {
  const sim = await simulate({
    seed: 5,
    faultRoutes: ['enqueue'],
    faultDelayRate: 0.3,
    faultDelaySeconds: 0.4,
  });
  const env = target(sim, { LOAD_USERS: '40', LOAD_MAX_ENQUEUE_P95_MS: '300' });
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run') });
  const results = run.results!;

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_CRITERIA_FAILED);
  expect(failedCriteria(results)).toEqual([criterion(results, failedCriteria(results)[0]).name]);
  const p95 = criterion(results, failedCriteria(results)[0]);
  expect(p95.value).toBe(results.enqueue_ms.p95);
  expect(results.enqueue_ms.p95!).toBeGreaterThan(300);
  expect(results.status_counts.completed).toBe(40);
});

test('SIM_FAIL_RATE fails the completed share and the failed + timeout share', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({ seed: 11, failRate: 0.3 });
  const run = await runLoad({
    env: target(sim, { LOAD_USERS: '40' }),
    outputDir: testInfo.outputPath('run'),
  });
  const results = run.results!;

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_CRITERIA_FAILED);
  expect(failedCriteria(results)).toHaveLength(2);
  for (const name of failedCriteria(results)) {
    const value = criterion(results, name).value!;
    expect([results.status_counts.completed / 40, results.status_counts.failed / 40]).toContain(
      value,
    );
  }
});

test('LLM 429s fail tasks and bring the rate-limit advice', async ({ simulate }, testInfo) => {
  const sim = await simulate({ seed: 2, maxConcurrentTasks: 25, llmMaxConcurrentCalls: 100 });
  const run = await runLoad({
    env: target(sim, { LOAD_USERS: '60' }),
    outputDir: testInfo.outputPath('run'),
  });
  const results = run.results!;
  const rateLimited = results.runs.filter(
    (r) => r.outcome === 'failed' && r.error?.includes('429'),
  );

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_CRITERIA_FAILED);
  expect(rateLimited.length).toBeGreaterThan(0);
  expect(sim.stats().llm.rate_limited).toBeGreaterThan(0);
  const advice = results.advice!.find((a) => 'CODING_FRAGMENT_CONCURRENCY' in a.changes);
  expect(advice, JSON.stringify(results.advice)).toBeDefined();
  expect(advice!.changes).toMatchObject({
    CODING_FRAGMENT_CONCURRENCY: '6',
    THEORY_INTERVIEW_CONCURRENCY: '2',
  });
  expect(advice!.evidence.join(' ')).toContain('429');
});

test('a backend log holding the self-healing warning fails the unsupported_parameter criterion', async ({
  simulate,
}, testInfo) => {
  const logFile = testInfo.outputPath('backend.log');
  writeFileSync(logFile, '');
  const sim = await simulate({ seed: 4, unsupportedParameterRate: 0.5, logFile });
  const env = target(sim, { LOAD_USERS: '30', LOAD_BACKEND_LOGS: logFile });
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run') });
  const results = run.results!;

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_CRITERIA_FAILED);
  expect(sim.stats().unsupported_parameter_logged).toBeGreaterThan(1);
  const unsupported = results.verdict!.criteria.find((c) => c.passed === false)!;
  expect(unsupported.value).toBeGreaterThan(1);
  expect(failedCriteria(results)).toEqual([unsupported.name]);
  expect(JSON.stringify(results.verdict!.unsupported)).toMatch(/rejected|unsupported/);
});

test('abort on failure stops starting users once most enqueues fail', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({
    faultRoutes: ['enqueue'],
    faultHttpRate: 1,
    faultHttpStatuses: [503],
  });
  const env = target(sim, {
    LOAD_USERS: '60',
    LOAD_SPAWN_INTERVAL: '0.1',
    LOAD_ABORT_FAILURE_RATIO: '0.5',
    LOAD_ABORT_MIN_USERS: '10',
  });
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run') });
  const results = run.results!;
  const counts = results.status_counts;

  expect(run.exitCode, run.stdout + run.stderr).toBe(EXIT_NOT_JUDGED);
  expect(results.aborted).toBe(true);
  expect(results.verdict!.judged).toBe(false);
  expect(counts.not_started).toBeGreaterThan(20);
  expect(counts.enqueue_failed + counts.not_started).toBe(60);
  expect(sim.stats().requests.by_route.enqueue['503']).toBe(counts.enqueue_failed);
});

test('a bad setting fails before any traffic with one message and its own exit code', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate();
  const env = target(sim, { LOAD_MIN_COMPLETED_RATIO: '95%' });
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run') });

  expect(run.exitCode).toBe(EXIT_BAD_SETTING);
  expect(run.stderr).toContain('LOAD_MIN_COMPLETED_RATIO must be a number from 0 to 1 (got "95%")');
  expect(sim.stats().requests.total).toBe(0);
  expect(run.results).toBeNull();
});
