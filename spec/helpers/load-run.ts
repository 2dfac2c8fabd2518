// Runs the real load suite (`npx playwright test` in the project root) as a child process,
// the way a user does, with its outputs in a folder of the calling test. Only loopback targets.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { RunResults } from '../../src/records';

export const PROJECT_ROOT = resolve(__dirname, '../..');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli');

export interface LoadRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  results: RunResults | null;
  outputDir: string;
  resultsPath: string;
}

export interface LoadRunOptions {
  /** LOAD_* and other settings for the run; the parent's LOAD_ and SIM_ variables never leak in. */
  env: Record<string, string>;
  /** Extra arguments after `playwright test`, such as `--shard=1/3`. */
  args?: string[];
  /** Folder for the results JSON, HTML report, blob and test-results of this run. */
  outputDir: string;
  /** `merge` runs `npm run merge -- <blobDir>` instead of a load run. */
  merge?: { blobDir: string };
  timeoutMs?: number;
  /**
   * Called every 100 ms with the Playwright process's pid (also its process group) until it
   * returns true: the place to interrupt a run or kill one of its workers mid-way.
   */
  watch?: (runPid: number) => boolean;
}

export function runLoad(options: LoadRunOptions): Promise<LoadRun> {
  const { outputDir } = options;
  const resultsPath = join(outputDir, 'results.json');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(process.env),
    LOAD_OUTPUT: resultsPath,
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(outputDir, 'html-report'),
    PLAYWRIGHT_BLOB_OUTPUT_DIR: join(outputDir, 'blob-report'),
    // Never a developer's .env: it may name a staging target, and tests talk to loopback only.
    LOAD_ENV_FILE: '/dev/null',
    ...options.env,
  };
  const args = options.merge
    ? ['merge-reports', '--config', 'merge.config.ts', options.merge.blobDir]
    : ['test', `--output=${join(outputDir, 'test-results')}`, ...(options.args ?? [])];

  return new Promise((done, fail) => {
    // Its own process group, so an interrupt reaches Playwright and its workers like Ctrl-C.
    // Playwright's CLI itself, not npx, so its exit code and its signal handling are what we see.
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const { watch } = options;
    const watcher = setInterval(() => {
      if (watch === undefined || watch(child.pid!)) clearInterval(watcher);
    }, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(
      () => process.kill(-child.pid!, 'SIGKILL'),
      options.timeoutMs ?? 180_000,
    );
    child.on('error', fail);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      clearInterval(watcher);
      const results = existsSync(resultsPath)
        ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as RunResults)
        : null;
      done({ exitCode, stdout, stderr, results, outputDir, resultsPath });
    });
  });
}

/** The spec runner's own Playwright and CI variables would confuse the nested run. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(LOAD_|SIM_|THEORY_|DB_|CODING_|PW_|PLAYWRIGHT_|TEST_)/.test(name)) continue;
    if (name === 'FORCE_COLOR' || name === 'DEBUG') continue;
    clean[name] = value;
  }
  return clean;
}

/** Sends SIGINT to the whole run, as Ctrl-C in its terminal does. */
export function interruptRun(runPid: number): void {
  process.kill(-runPid, 'SIGINT');
}

/** Pids of the Playwright workers of a run. */
export function workerPids(runPid: number): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(runPid)], {
    encoding: 'utf8',
  });
  return listing
    .split('\n')
    .filter((line) => line.includes('workerProcessEntry'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
