import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, Agent } from 'node:http';

import { PROJECTS, callApi, expect, field, pollUntil, test } from './sim-fixture';
import { startSimulator } from '../../simulator/server';

import type { ChildProcess } from 'node:child_process';

const MAIN = 'simulator/main.ts';

function runMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess) {
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output, exited };
}

test.describe('npm run simulator (simulator/main.ts)', () => {
  test('a bad setting prints one line naming it and exits 1 before listening', async () => {
    const child = runMain({ SIM_FAIL_RATE: 'abc', SIM_PORT: '0' });
    const { output, exited } = collect(child);

    const code = await exited;

    expect(code).toBe(1);
    expect(output.stderr.trim()).toBe('SIM_FAIL_RATE must be a number from 0 to 1 (got "abc")');
    expect(output.stdout).toBe('');
  });

  test('prints its URL, and on SIGTERM cancels in-flight tasks and exits 0', async () => {
    const logFile = test.info().outputPath('main.log');
    const child = runMain({ SIM_PORT: '0', SIM_PIPELINE_SECONDS: '60', SIM_LOG_FILE: logFile });
    const { output, exited } = collect(child);
    try {
      // Starting tsx on a busy 2-core machine can take seconds: wait up to 20 s for the line.
      await pollUntil(
        async () => output.stdout,
        (text) => text.includes('\n'),
        400,
        50,
      );
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.stdout)?.[1] ?? '';
      const enqueued = await callApi(url, `/api/projects/${PROJECTS[0]}/generate-theory`, {
        method: 'POST',
        body: {},
      });
      const taskId = String(field(enqueued.json, 'task_id'));

      child.kill('SIGTERM');
      const code = await exited;
      const log = await readFile(logFile, 'utf8');

      expect(output.stdout).toMatch(
        /^theory-load simulator listening on http:\/\/127\.0\.0\.1:\d+\n$/,
      );
      expect(code).toBe(0);
      expect(log).toBe(`[theory] task ${taskId} CANCELLED by user\n`);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

test.describe('connections and shutdown', () => {
  test('closes an idle keep-alive connection after SIM_KEEP_ALIVE_SECONDS', async ({ launch }) => {
    const sim = await launch({ keepAliveSeconds: 0.2 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    const closed = await new Promise<boolean>((resolve, reject) => {
      const outgoing = httpRequest(`${sim.url}/health`, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          const socket = outgoing.socket;
          const timer = setTimeout(() => resolve(false), 3000);
          socket?.once('close', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    agent.destroy();

    expect(closed).toBe(true);
  });

  test('close() ends with keep-alive connections open, waiters queued and pipelines running', async () => {
    const sim = await startSimulator({
      port: 0,
      pipelineSeconds: 60,
      dbPoolSize: 4,
      dbMaxOverflow: 0,
    });
    const agent = new Agent({ keepAlive: true });
    const send = () =>
      new Promise<number>((resolve, reject) => {
        const outgoing = httpRequest(
          `${sim.url}/api/projects/${PROJECTS[0]}/generate-theory`,
          {
            agent,
            method: 'POST',
            headers: {
              Authorization: 'Bearer local-dev-token',
              'Content-Type': 'application/json',
            },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        outgoing.on('error', reject);
        outgoing.end('{}');
      });
    // Four running pipelines hold the four connections, so a fifth enqueue waits for one.
    for (let index = 0; index < 4; index += 1) expect(await send()).toBe(202);
    const hanging = send().catch(() => 'reset');
    await pollUntil(
      async () => sim.stats().db.waiters,
      (waiters) => waiters === 1,
    );

    await sim.close();
    const stats = sim.stats();
    agent.destroy();

    expect(await hanging).toBe('reset');
    expect(stats.tasks.by_outcome).toMatchObject({ canceled: 4, running: 0, pending: 0 });
    expect(stats.running_pipelines).toBe(0);
  });
});
