// Checks and figures that tie the settings to Playwright's layout of the run: how long a group
// test may take, and whether the shard and worker counts let every group start on time.
import { SettingError } from './setting-parse';

import type { Settings } from './settings';

/** Annotation on each load test listing the users it runs; it survives blob merges. */
export const USERS_ANNOTATION = 'theory-load-users';

/**
 * Lead between the global setup (which runs after the simulator is up) and user 0's start when
 * LOAD_START_AT is unset: the workers of a 2-core machine need about 2 s to boot and set up, more
 * when the machine is busy, and a user whose worker is not up yet starts late, in a burst with
 * the next ones. Lag still happens on a loaded machine; it is measured as schedule_lag_ms.
 */
export const DEFAULT_START_LEAD_MS = 5000;

/** Slack on top of the schedule for the final poll, its resend and the teardown. */
const TEARDOWN_SLACK_MS = 30_000;

/** The longest a group test can legitimately run: wait for t0, spawn window, pipeline timeout. */
export function groupTestTimeoutMs(settings: Settings, nowMs: number): number {
  const waitMs = Math.max(0, (settings.startAtMs ?? nowMs) - nowMs);
  const spawnMs = (settings.users - 1) * settings.spawnIntervalS * 1000;
  const requestMs = 2 * settings.requestTimeoutS * 1000;
  return Math.ceil(
    waitMs + spawnMs + settings.pipelineTimeoutS * 1000 + requestMs + TEARDOWN_SLACK_MS,
  );
}

/**
 * A worker runs one test at a time, so a shard whose groups outnumber its workers would start
 * the extra groups only after the first ones end. Refuse such a layout before any traffic.
 * @throws SettingError naming the setting to change.
 */
export function checkLayout(
  settings: Settings,
  shard: { current: number; total: number } | null,
  workers: number,
): void {
  const groups = Math.min(settings.groups, settings.users);
  const shardTotal = shard?.total ?? 1;
  if (shardTotal > groups) {
    const got = `got ${settings.groups} with ${settings.users} users`;
    throw new SettingError(
      `LOAD_GROUPS must be at least the shard count ${shardTotal}, or some shards run nobody (${got})`,
    );
  }
  const groupsPerShard = Math.ceil(groups / shardTotal);
  if (workers < groupsPerShard) {
    const got = `got ${workers} for ${groupsPerShard} groups per shard`;
    throw new SettingError(
      `--workers must cover every group of a shard so all start on time (${got}); lower LOAD_GROUPS`,
    );
  }
}

/** The reporter that writes the results; `--reporter=x` on the command line replaces the list. */
export const LOAD_REPORTER = './reporters/load-reporter.ts';

/**
 * A run without the load reporter would send all its traffic and write no results: refuse it.
 * @throws SettingError saying how to keep the reporter next to the one asked for.
 */
export function checkReporters(reporterNames: readonly string[]): void {
  if (reporterNames.some((name) => /load-reporter(\.ts)?$/.test(name))) return;
  const why = 'or no results are written';
  const got = reporterNames.join(',');
  const example = `--reporter=line,${LOAD_REPORTER}`;
  throw new SettingError(
    `--reporter must include ${LOAD_REPORTER}, ${why} (got "${got}"); for example ${example}`,
  );
}
