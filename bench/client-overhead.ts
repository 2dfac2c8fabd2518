// What the load client itself adds to the latency it reports. Runs the real suite
// (`playwright test`) against a fast simulator at several user counts and sets the latency the
// client measured beside the server's own handling time from Server-Timing, request by
// request. The difference is loopback plus Playwright's APIRequestContext and step
// instrumentation plus the worker's own queueing: the part of a reported figure that is not
// the backend. Prints figures and ratios; asserts nothing.
//
//   npx tsx bench/client-overhead.ts [--users 100,500,1000]

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startSimulator } from '../simulator/server';
import { summarizeMs } from '../src/stats';

import type { RunResults } from '../src/records';

const { values: args } = parseArgs({
  options: { users: { type: 'string', default: '100,500,1000' } },
});
const userCounts = args.users.split(',').map(Number);
const PROJECT_ROOT = resolve(__dirname, '..');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli');

function runSuite(env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [PLAYWRIGHT_CLI, 'test', '--reporter=dot,./reporters/load-reporter.ts'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env },
        stdio: 'ignore',
      },
    );
    child.on('error', fail);
    child.on('close', () => done());
  });
}

function pair(ms: number[], digits: number): string {
  const stats = summarizeMs(ms);
  return `${stats.p50?.toFixed(digits)} / ${stats.p95?.toFixed(digits)}`;
}

/** One line per kind: client, server and their difference request by request. */
function row(label: string, clientMs: number[], serverMs: number[]): string {
  const overheadMs = clientMs.map((ms, index) => ms - serverMs[index]);
  const serverShare = summarizeMs(serverMs).p50! / summarizeMs(clientMs).p50!;
  const cells = [
    label.padEnd(14),
    String(clientMs.length).padStart(6),
    pair(clientMs, 1).padStart(14),
    pair(serverMs, 3).padStart(14),
    pair(overheadMs, 1).padStart(14),
    `${(serverShare * 100).toFixed(1)}%`.padStart(8),
  ];
  return cells.join('  ');
}

async function main(): Promise<void> {
  console.log(
    'users kind       count  client p50/p95  server p50/p95  client-only p50/p95  server share of p50',
  );
  for (const users of userCounts) {
    // Enough slots and provider capacity that the backend is never the bottleneck here.
    const simulator = await startSimulator({
      port: 0,
      pipelineSeconds: 1,
      pipelineJitter: 0,
      maxConcurrentTasks: users,
      llmMaxConcurrentCalls: 1_000_000,
      dbPoolSize: users,
    });
    const output = join(mkdtempSync(join(tmpdir(), 'client-overhead-')), 'results.json');
    const startedMs = Date.now();
    await runSuite({
      LOAD_BASE_URL: simulator.url,
      LOAD_TOKEN: 'local-dev-token',
      LOAD_USERS: String(users),
      // The runbook's pace for 100 users, ten times faster per user beyond that.
      LOAD_SPAWN_INTERVAL: String(Math.min(0.15, 15 / users)),
      LOAD_POLL_INTERVAL: '2',
      LOAD_OUTPUT: output,
    });
    const wallS = (Date.now() - startedMs) / 1000;
    await simulator.close();

    const results = JSON.parse(readFileSync(output, 'utf8')) as RunResults;
    const requests = results.runs.flatMap((run) => run.requests);
    for (const kind of ['enqueue', 'poll'] as const) {
      const answered = requests.filter((r) => r.kind === kind && r.server_ms !== null);
      const clientMs = answered.map((r) => r.duration_ms);
      const serverMs = answered.map((r) => r.server_ms as number);
      console.log(row(`${users} ${kind}`, clientMs, serverMs));
    }
    const lag = results.schedule_lag_ms;
    console.log(
      `${users} users: ${results.status_counts.completed} completed, schedule lag p95 ` +
        `${lag.p95?.toFixed(1)} ms, max ${lag.max?.toFixed(1)} ms, wall ${wallS.toFixed(1)} s`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
