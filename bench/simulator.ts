// Can the simulator hold 10,000 live tasks and 2,000 requests/s on a 2-core machine, and what
// does that do to its own handling time? Runs the simulator as a child process (so the load
// generator does not share its event loop), measures an idle baseline, fills it with live
// tasks, then polls at a fixed rate. Prints figures and ratios; asserts nothing.
//
//   npx tsx bench/simulator.ts [--tasks 10000] [--rps 2000] [--seconds 20]

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { quantile } from 'simple-statistics';

import { PROJECTS, createLoadClient, runAll, runOpenLoop } from './simulator-load';

import type { Call, LoadClient, Sample } from './simulator-load';
import type { SimStats } from '../simulator/stats';

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '10000' },
    rps: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '20' },
  },
});
const taskCount = Number(args.tasks);
const targetRps = Number(args.rps);
const loadSeconds = Number(args.seconds);
const BASELINE_TASKS = 100;
const BASELINE_SECONDS = 5;

// Every task runs at once (no semaphore queue, no pool or provider limit) and none finishes
// during the bench, so all of them hold timers and step through the pipeline the whole time.
const SIMULATOR_ENV = {
  SIM_PORT: '0',
  SIM_PIPELINE_SECONDS: '90',
  THEORY_LOCAL_MAX_CONCURRENT_TASKS: '100000',
  DB_POOL_SIZE: '100000',
  DB_MAX_OVERFLOW: '0',
  SIM_LLM_MAX_CONCURRENT_CALLS: '100000000',
};

const enqueueCall = (index: number): Call => ({
  method: 'POST',
  path: `/api/projects/${PROJECTS[index % PROJECTS.length]}/generate-theory`,
  body: '{"min_interviews":1,"use_model_router":true}',
});

/** [projectId, taskId] of each accepted enqueue; enqueueCall(index) went to that project. */
function acceptedTasks(enqueued: Sample[]): Array<[string, string]> {
  return enqueued.flatMap((sample, index): Array<[string, string]> => {
    if (sample.status !== 202) return [];
    const taskId = (JSON.parse(sample.body) as { task_id: string }).task_id;
    return [[PROJECTS[index % PROJECTS.length], taskId]];
  });
}

const statusCall = (projectTaskIds: Array<[string, string]>, index: number): Call => {
  const [projectId, taskId] = projectTaskIds[index % projectTaskIds.length];
  return { method: 'GET', path: `/api/projects/${projectId}/generate-theory/status/${taskId}` };
};

function rssMiB(pid: number): string {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line === null ? 'n/a' : (Number(line[1]) / 1024).toFixed(0);
  } catch {
    return 'n/a';
  }
}

/** The child's user + system CPU seconds so far, from /proc (Linux clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function row(name: string, samples: Sample[], seconds: number, missed = 0) {
  const errors = samples.filter((sample) => sample.status === 'error' || sample.status >= 400);
  const client = samples.map((sample) => sample.clientMs);
  const server = samples.flatMap((sample) =>
    sample.serverMs === undefined ? [] : [sample.serverMs],
  );
  const figures = {
    requests: samples.length,
    rps: samples.length / seconds,
    errors: errors.length,
    missed,
    clientP50: quantile(client, 0.5),
    clientP99: quantile(client, 0.99),
    serverP50: quantile(server, 0.5),
    serverP99: quantile(server, 0.99),
  };
  console.log(
    [
      name.padEnd(26),
      String(figures.requests).padStart(8),
      figures.rps.toFixed(0).padStart(7),
      String(figures.errors).padStart(6),
      String(figures.missed).padStart(6),
      `${figures.clientP50.toFixed(2)} / ${figures.clientP99.toFixed(2)}`.padStart(17),
      `${figures.serverP50.toFixed(3)} / ${figures.serverP99.toFixed(3)}`.padStart(17),
    ].join(' '),
  );
  return figures;
}

function startChild(): Promise<{ url: string; pid: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/main.ts'], {
    env: { ...process.env, ...SIMULATOR_ENV },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ url, pid: child.pid ?? 0, exited });
    });
    void exited.then((code) => reject(new Error(`simulator exited with ${code} before listening`)));
  });
}

async function fetchStats(client: LoadClient) {
  const sample = await client.send({ method: 'GET', path: '/__sim/stats' });
  return JSON.parse(sample.body) as SimStats;
}

async function main(): Promise<void> {
  const child = await startChild();
  const client = createLoadClient(child.url, 256);
  const rssAtStart = rssMiB(child.pid);
  console.log(`simulator ${child.url} (pid ${child.pid}), RSS at start ${rssAtStart} MiB`);
  console.log(
    'phase                      requests   req/s errors missed  client p50/p99 ms  server p50/p99 ms',
  );

  const baselineTasks = await runAll(
    client,
    Array.from({ length: BASELINE_TASKS }, (_, index) => enqueueCall(index)),
    16,
  );
  const ids = acceptedTasks(baselineTasks);
  let cursor = 0;
  const nextPoll = () => statusCall(ids, cursor++);
  const loadShape = { rps: targetRps, maxInFlight: 512, next: nextPoll };
  const baseline = await runOpenLoop(client, { ...loadShape, seconds: BASELINE_SECONDS });
  const idle = row(
    `polls, ${BASELINE_TASKS} live tasks`,
    baseline.samples,
    baseline.elapsedSeconds,
    baseline.missed,
  );

  const fillCalls = Array.from({ length: taskCount - BASELINE_TASKS }, (_, index) =>
    enqueueCall(index),
  );
  const fillStartMs = performance.now();
  const filled = await runAll(client, fillCalls, 64);
  row(`enqueue ${fillCalls.length} tasks`, filled, (performance.now() - fillStartMs) / 1000);
  ids.push(...acceptedTasks(filled));
  const rssFilled = rssMiB(child.pid);

  const cpuBeforeLoad = cpuSeconds(child.pid);
  const loaded = await runOpenLoop(client, { ...loadShape, seconds: loadSeconds });
  const loadCpuSeconds = cpuSeconds(child.pid) - cpuBeforeLoad;
  const stats = await fetchStats(client);
  const busy = row(
    `polls, ${stats.tasks.live} live tasks`,
    loaded.samples,
    loaded.elapsedSeconds,
    loaded.missed,
  );
  const rssLoaded = rssMiB(child.pid);

  console.log('');
  console.log(`live tasks ${stats.tasks.live}, running pipelines ${stats.running_pipelines}`);
  console.log(`achieved ${((busy.rps / targetRps) * 100).toFixed(1)} % of ${targetRps} req/s`);
  console.log(
    `server handling time, loaded / baseline: p50 x${(busy.serverP50 / idle.serverP50).toFixed(2)}, ` +
      `p99 x${(busy.serverP99 / idle.serverP99).toFixed(2)}`,
  );
  const cpuPerRequestUs = (loadCpuSeconds / loaded.samples.length) * 1e6;
  console.log(
    `simulator CPU while loaded: ${((loadCpuSeconds / loaded.elapsedSeconds) * 100).toFixed(0)} % ` +
      `of one core, ${cpuPerRequestUs.toFixed(0)} us per request (pipeline timers included)`,
  );
  console.log(`RSS MiB: start ${rssAtStart}, after fill ${rssFilled}, after load ${rssLoaded}`);

  client.close();
  const stopStartMs = performance.now();
  process.kill(child.pid, 'SIGTERM');
  const code = await child.exited;
  const stopMs = performance.now() - stopStartMs;
  console.log(
    `SIGTERM with ${stats.tasks.live} live tasks: exit ${code} after ${stopMs.toFixed(0)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
