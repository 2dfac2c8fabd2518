// Checks the simulator's default timing target: the runbook's run (100 users, one started every
// 0.15 s, round-robin over the 5 default projects, one enqueue each, then a poll every 5 s)
// against a simulator with no settings at all should end in about a minute with every task
// completed. Prints the figures; asserts nothing.
//
//   npx tsx bench/simulator-runbook.ts [--users 100]

import { parseArgs } from 'node:util';

import { AUTHORIZATION, PROJECTS } from './simulator-load';
import { startSimulator } from '../simulator/server';

const { values: args } = parseArgs({ options: { users: { type: 'string', default: '100' } } });
const userCount = Number(args.users);
const SPAWN_INTERVAL_MS = 150;
const POLL_INTERVAL_SECONDS = 5;
const HEADERS = { Authorization: AUTHORIZATION, 'Content-Type': 'application/json' };
// Far beyond the minute expected; bounds every user's poll loop.
const MAX_POLLS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runUser(
  baseUrl: string,
  index: number,
): Promise<{ outcome: string; endMs: number }> {
  await sleep(index * SPAWN_INTERVAL_MS);
  const projectId = PROJECTS[index % PROJECTS.length];
  const base = `${baseUrl}/api/projects/${projectId}/generate-theory`;
  const enqueued = await fetch(base, {
    method: 'POST',
    headers: HEADERS,
    body: '{"min_interviews":1,"use_model_router":true}',
  });
  if (enqueued.status !== 202) return { outcome: `enqueue_${enqueued.status}`, endMs: 0 };
  const { task_id: taskId } = (await enqueued.json()) as { task_id: string };

  for (let poll = 0; poll < MAX_POLLS; poll += 1) {
    await sleep(POLL_INTERVAL_SECONDS * 1000);
    const answer = await fetch(`${base}/status/${taskId}`, { headers: HEADERS });
    const body = (await answer.json()) as { status: string };
    if (body.status === 'completed' || body.status === 'failed') {
      return { outcome: body.status, endMs: performance.now() };
    }
  }
  return { outcome: 'timeout', endMs: performance.now() };
}

async function main(): Promise<void> {
  const simulator = await startSimulator({ port: 0 });
  const startMs = performance.now();

  const results = await Promise.all(
    Array.from({ length: userCount }, (_, index) => runUser(simulator.url, index)),
  );
  const wallSeconds = (performance.now() - startMs) / 1000;
  const stats = simulator.stats();
  await simulator.close();

  const counts: Record<string, number> = {};
  for (const { outcome } of results) counts[outcome] = (counts[outcome] ?? 0) + 1;
  console.log(
    `users ${userCount}, wall ${wallSeconds.toFixed(1)} s, outcomes ${JSON.stringify(counts)}`,
  );
  console.log(
    `server: created ${stats.tasks.created}, completed ${stats.tasks.by_outcome.completed}, ` +
      `peak running ${stats.peak_running_pipelines}, peak waiters ${stats.peak_semaphore_waiters}, ` +
      `LLM 429s ${stats.llm.rate_limited}, pool timeouts ${stats.db.pool_timeouts}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
