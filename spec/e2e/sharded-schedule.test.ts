// The CI workflow's shape, run locally: several shard processes started together with one
// LOAD_START_AT against one simulator, then the merge, as the GitHub matrix and merge job do.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from '@playwright/test';

import { EXIT_PASSED } from '../../src/judge/exit-codes';
import { target, test } from '../helpers/e2e-test';
import { runLoad } from '../helpers/load-run';

test('shards started together follow one shared schedule and merge into one judged run', async ({
  simulate,
}, testInfo) => {
  test.setTimeout(180_000);
  const sim = await simulate();
  const users = 60;
  const spawnIntervalS = 0.1;
  // Far enough ahead for three Playwright processes and their workers to boot on two cores.
  const startAtMs = Date.now() + 12_000;
  const env = target(sim, {
    LOAD_USERS: String(users),
    LOAD_SPAWN_INTERVAL: String(spawnIntervalS),
    LOAD_GROUPS: '6',
    LOAD_START_AT: String(startAtMs),
  });

  const shards = await Promise.all(
    [1, 2, 3].map((shard) =>
      runLoad({
        env,
        outputDir: testInfo.outputPath(`shard-${shard}`),
        args: [`--shard=${shard}/3`],
      }),
    ),
  );
  const blobDir = testInfo.outputPath('all-blob-reports');
  mkdirSync(blobDir, { recursive: true });
  for (const shard of shards) {
    expect(shard.exitCode, shard.stdout + shard.stderr).toBe(EXIT_PASSED);
    expect(shard.results!.verdict!.deferred).toBe(true);
    const shardBlobs = join(shard.outputDir, 'blob-report');
    for (const blob of readdirSync(shardBlobs))
      copyFileSync(join(shardBlobs, blob), join(blobDir, blob));
  }

  const stepSummary = testInfo.outputPath('step-summary.md');
  writeFileSync(stepSummary, '');
  const merged = await runLoad({
    env: { GITHUB_STEP_SUMMARY: stepSummary },
    outputDir: testInfo.outputPath('merged'),
    merge: { blobDir },
  });
  const results = merged.results!;

  expect(merged.exitCode, merged.stdout + merged.stderr).toBe(EXIT_PASSED);
  expect(results.shards_merged).toBe(3);
  expect(results.runs.map((r) => r.user)).toEqual([...Array(users).keys()]);
  expect(results.verdict).toMatchObject({ judged: true, passed: true });
  expect(new Set(results.runs.map((r) => r.shard))).toEqual(new Set([1, 2, 3]));
  for (const run of results.runs) {
    // Every shard computed the same slot for each user from the one start time...
    expect(run.scheduled_start_ms).toBeCloseTo(startAtMs + run.user * spawnIntervalS * 1000, 6);
    // ...and nobody jumped the gun.
    expect(run.actual_start_ms!).toBeGreaterThanOrEqual(run.scheduled_start_ms);
  }
  // A tolerance window, not a speed target: starts landed near their slots, not in one burst.
  expect(results.schedule_lag_ms.p50!).toBeLessThan(1000);
  expect(readFileSync(stepSummary, 'utf8')).toContain('60');
});
