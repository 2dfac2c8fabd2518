// The load suite end to end: real `npx playwright test` processes against a simulator on
// 127.0.0.1, with the results JSON held against what the simulator itself counted.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from '@playwright/test';

import { EXIT_NOT_JUDGED } from '../../src/judge/exit-codes';
import { aggregateRuns } from '../../src/results';
import { summarizeMs } from '../../src/stats';
import { target, test } from '../helpers/e2e-test';
import { folderTexts } from '../helpers/folder-text';
import { interruptRun, runLoad, workerPids } from '../helpers/load-run';

import type { RunResults, UserRecord } from '../../src/records';

// Each test starts its own simulator and Playwright runs; on 2 cores they go one at a time.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

function requestsOf(runs: readonly UserRecord[], kind: 'enqueue' | 'poll') {
  return runs.flatMap((run) => run.requests.filter((request) => request.kind === kind));
}

function routeTotal(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((sum, count) => sum + count, 0);
}

function expectPercentilesRecomputed(results: RunResults): void {
  const enqueueMs = results.runs.flatMap((r) => (r.enqueue_ms === null ? [] : [r.enqueue_ms]));
  const totalMs = results.runs.flatMap((r) => (r.total_ms === null ? [] : [r.total_ms]));
  const pollMs = requestsOf(results.runs, 'poll').flatMap((s) =>
    s.status === null ? [] : [s.duration_ms],
  );
  expect(results.enqueue_ms).toEqual(summarizeMs(enqueueMs));
  expect(results.total_ms).toEqual(summarizeMs(totalMs));
  expect(results.poll_ms).toEqual(summarizeMs(pollMs));
}

test('100 users against the simulator: the JSON agrees with what the server saw', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate();
  const run = await runLoad({ env: target(sim), outputDir: testInfo.outputPath('run') });
  const results = run.results!;
  const stats = sim.stats();

  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(results.users).toBe(100);
  expect(results.status_counts.completed).toBe(100);
  expect(results.partial).toBe(false);
  expect(results.runs.map((r) => r.user)).toEqual([...Array(100).keys()]);

  const enqueues = requestsOf(results.runs, 'enqueue');
  const polls = requestsOf(results.runs, 'poll');
  expect(enqueues).toHaveLength(routeTotal(stats.requests.by_route.enqueue));
  expect(polls).toHaveLength(routeTotal(stats.requests.by_route.status));
  expect(results.requests).toBe(stats.requests.total);
  expect(polls.filter((p) => p.status === 200)).toHaveLength(stats.requests.by_route.status['200']);
  expect(results.distinct_tasks).toBe(stats.tasks.created);
  expect(stats.tasks.by_outcome.completed).toBe(100);
  expect(enqueues.every((e) => e.server_ms !== null && e.server_ms <= e.duration_ms)).toBe(true);
  expectPercentilesRecomputed(results);

  expect(run.stdout).toContain('100 users');
  // Live progress: plain lines off a terminal, the last one once every user is done.
  expect(run.stdout).toMatch(/theory-load: 100\/100 started, 0 in flight, 100 completed/);
  expect(existsSync(join(run.outputDir, 'html-report', 'index.html'))).toBe(true);
  expect(existsSync(join(run.outputDir, 'summary.html'))).toBe(true);
});

test('3 shards merged hold every user exactly once with percentiles of the whole', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate();
  const users = 60;
  const mergeDir = testInfo.outputPath('all-blobs');
  mkdirSync(mergeDir, { recursive: true });
  const shardUsers: number[] = [];
  for (let shard = 1; shard <= 3; shard++) {
    const outputDir = testInfo.outputPath(`shard-${shard}`);
    const env = target(sim, { LOAD_USERS: String(users), LOAD_GROUPS: '6' });
    const run = await runLoad({ env, outputDir, args: [`--shard=${shard}/3`] });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results!.shard).toEqual({ current: shard, total: 3 });
    shardUsers.push(...run.results!.runs.map((r) => r.user));
    for (const blob of readdirSync(join(outputDir, 'blob-report'))) {
      copyFileSync(join(outputDir, 'blob-report', blob), join(mergeDir, blob));
    }
  }
  expect(shardUsers.sort((a, b) => a - b)).toEqual([...Array(users).keys()]);

  const merged = await runLoad({
    env: {},
    outputDir: testInfo.outputPath('merged'),
    merge: { blobDir: mergeDir },
  });
  const results = merged.results!;
  expect(merged.exitCode, merged.stdout + merged.stderr).toBe(0);
  expect(results.users).toBe(users);
  expect(results.runs.map((r) => r.user)).toEqual([...Array(users).keys()]);
  expect(results.shards_merged).toBe(3);
  expect(results.shard).toBeNull();
  expect(results.status_counts.completed).toBe(users);
  expect(results.requests).toBe(sim.stats().requests.total);
  expectPercentilesRecomputed(results);
  // Merging is aggregation over the union of records, nothing else.
  const again = aggregateRuns(results.runs, {
    settings: results.settings,
    shard: null,
    shardsMerged: 3,
    interrupted: false,
    aborted: false,
    partialReasons: [],
  });
  expect(again).toEqual({ ...results, verdict: undefined, advice: undefined });
  expect(existsSync(join(merged.outputDir, 'html-report', 'index.html'))).toBe(true);

  // Without shard 2's blob the merge still accounts for all 60 users, and refuses to judge.
  const partialDir = testInfo.outputPath('two-of-three');
  mkdirSync(partialDir, { recursive: true });
  const blobs = readdirSync(mergeDir).filter((name) => /^report-[13]\.zip$/.test(name));
  expect(blobs).toHaveLength(2);
  for (const blob of blobs) {
    copyFileSync(join(mergeDir, blob), join(partialDir, blob));
  }
  const outputDir = testInfo.outputPath('merged-partial');
  const partial = await runLoad({ env: {}, outputDir, merge: { blobDir: partialDir } });
  expect(partial.exitCode).toBe(EXIT_NOT_JUDGED);
  expect(partial.results!.users).toBe(users);
  expect(partial.results!.status_counts.unfinished).toBe(users / 3);
  expect(partial.results!.partial_reasons).toContain('no records from shard 2 of 3');
});

test('injected faults and failed pipelines land in the right outcomes', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({
    seed: 7,
    faultRoutes: ['enqueue', 'status'],
    faultHttpRate: 0.08,
    faultHttpStatuses: [500],
    faultMissingTaskIdRate: 0.08,
    failRate: 0.2,
  });
  const run = await runLoad({ env: target(sim), outputDir: testInfo.outputPath('run') });
  const results = run.results!;
  const stats = sim.stats();
  const counts = results.status_counts;
  const byOutcome = (outcome: string) => results.runs.filter((r) => r.outcome === outcome);

  expect(run.exitCode, run.stdout + run.stderr).not.toBeNull();
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100);
  expect(counts.enqueue_failed).toBe(stats.requests.by_route.enqueue['500']);
  expect(byOutcome('enqueue_failed').every((r) => r.http_status === 500)).toBe(true);
  expect(counts.status_failed).toBe(stats.requests.by_route.status['500']);
  expect(byOutcome('status_failed').every((r) => r.http_status === 500)).toBe(true);
  expect(counts.enqueue_invalid).toBeGreaterThan(0);
  expect(byOutcome('enqueue_invalid').every((r) => r.task_id === null)).toBe(true);
  expect(counts.enqueue_invalid + counts.enqueue_failed + results.distinct_tasks).toBe(100);
  expect(counts.failed).toBeGreaterThan(0);
  for (const failed of byOutcome('failed')) {
    expect(failed.error_code).toBe('PIPELINE_ERROR');
    expect(failed.error).toMatch(/^Theory generation failed: /);
  }
  expect(counts.failed).toBeLessThanOrEqual(stats.tasks.failed_by_error_code.PIPELINE_ERROR);
  expect(results.errors.every((e) => e.error !== null && e.error !== '')).toBe(true);
});

test('a planted token appears in no output file and not on the console', async ({
  simulate,
}, testInfo) => {
  const token = 'planted-secret-7f3a9c-token';
  const projects = '00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002';
  const sim = await simulate({
    tokens: [{ token, projectIds: projects.split(',') }],
    seed: 3,
    faultRoutes: ['enqueue', 'status'],
    faultDelayRate: 0.1,
    faultDelaySeconds: 2,
    faultResetRate: 0.05,
    faultHttpRate: 0.05,
  });
  const env = target(sim, {
    LOAD_TOKEN: token,
    LOAD_PROJECT_IDS: projects,
    LOAD_USERS: '30',
    LOAD_REQUEST_TIMEOUT: '1',
  });
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run'), args: ['--shard=1/1'] });

  expect(run.results, run.stdout + run.stderr).not.toBeNull();
  expect(run.results!.users).toBe(30);
  expect(run.results!.requests).toBeGreaterThan(30);
  expect(run.results!.runs.some((r) => r.requests.some((s) => s.error !== null))).toBe(true);
  const texts = folderTexts(run.outputDir);
  expect(texts.some((t) => t.path.includes('blob-report'))).toBe(true);
  expect(texts.some((t) => t.path.includes('#base64!'))).toBe(true);
  expect(texts.filter((t) => t.text.includes(token)).map((t) => t.path)).toEqual([]);
  expect(run.stdout + run.stderr).not.toContain(token);
});

test('an interrupted run still writes every user, marked partial', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({ pipelineSeconds: 60 });
  const env = target(sim, { LOAD_USERS: '40', LOAD_SPAWN_INTERVAL: '0.25' });
  // Ctrl-C once a dozen users have enqueued: some are polling, the later ones not yet due.
  const watch = (runPid: number) => {
    if (routeTotal(sim.stats().requests.by_route.enqueue) < 12) return false;
    interruptRun(runPid);
    return true;
  };
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run'), watch });
  const results = run.results!;
  const counts = results.status_counts;

  expect(run.exitCode).toBe(EXIT_NOT_JUDGED);
  expect(results.interrupted).toBe(true);
  expect(results.partial).toBe(true);
  expect(results.users).toBe(40);
  expect(results.runs.map((r) => r.user)).toEqual([...Array(40).keys()]);
  expect(counts.unfinished).toBeGreaterThan(0);
  expect(counts.not_started).toBeGreaterThan(0);
  expect(counts.unfinished + counts.not_started).toBe(40);
  const started = results.runs.filter((r) => r.outcome === 'unfinished');
  expect(started.every((r) => r.task_id !== null && r.requests.length > 0)).toBe(true);
  expect(routeTotal(sim.stats().requests.by_route.enqueue)).toBe(counts.unfinished);
});

test('a run cut by the global timeout counts its users as unfinished', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({ pipelineSeconds: 60 });
  const env = target(sim, { LOAD_USERS: '20' });
  const run = await runLoad({
    env,
    outputDir: testInfo.outputPath('run'),
    args: ['--global-timeout=9000'],
  });
  const results = run.results!;

  expect(run.exitCode).toBe(EXIT_NOT_JUDGED);
  expect(results.partial).toBe(true);
  expect(results.partial_reasons).toContain('the run hit its global timeout');
  expect(results.status_counts.unfinished).toBe(20);
});

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
test('with no configuration at all, 100 users run against the embedded simulator', async ({}, testInfo) => {
  test.setTimeout(300_000);
  // Only where the outputs go is set: the target, token, projects and users are the defaults.
  const run = await runLoad({ env: {}, outputDir: testInfo.outputPath('run'), timeoutMs: 280_000 });
  const results = run.results!;

  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(results.settings?.simulator).toBe(true);
  expect(results.users).toBe(100);
  expect(results.projects).toHaveLength(5);
  expect(results.status_counts.completed).toBe(100);
  expect(results.settings?.spawn_interval_s).toBe(0.15);
  const reportData = join(run.outputDir, 'html-report', 'data');
  expect(readdirSync(reportData).some((name) => name.endsWith('.html'))).toBe(true);
  expect(existsSync(join(run.outputDir, 'html-report', 'index.html'))).toBe(true);
});

test('a worker killed mid-run loses no user: its users are counted as unfinished', async ({
  simulate,
}, testInfo) => {
  const sim = await simulate({ pipelineSeconds: 4 });
  const env = target(sim, { LOAD_USERS: '40', LOAD_SPAWN_INTERVAL: '0.1' });
  let killed = 0;
  const watch = (runPid: number) => {
    if (routeTotal(sim.stats().requests.by_route.enqueue) < 10) return false;
    const [victim] = workerPids(runPid);
    if (victim === undefined) return false;
    process.kill(victim, 'SIGKILL');
    killed = victim;
    return true;
  };
  const run = await runLoad({ env, outputDir: testInfo.outputPath('run'), watch });
  const results = run.results!;

  expect(killed).toBeGreaterThan(0);
  expect(run.exitCode).toBe(EXIT_NOT_JUDGED);
  expect(results.users).toBe(40);
  expect(results.runs.map((r) => r.user)).toEqual([...Array(40).keys()]);
  expect(results.partial).toBe(true);
  // One group of four had its records die with the worker; the other three finished.
  expect(results.status_counts.unfinished).toBe(10);
  expect(results.status_counts.completed).toBe(30);
  expect(results.verdict!.judged).toBe(true);
});
