// Live progress crosses from workers to the reporter through small JSON files, one per load
// test, rewritten every second: no stdout chatter that would end up in the HTML report, and a
// worker that dies simply stops updating its file.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ProgressUser } from './progress';
import type { UserRecord } from './records';

/** Set by the global setup; workers and the reporter of one run share it. */
export const PROGRESS_DIR_ENV = 'LOAD_PROGRESS_DIR';

export function toProgressUsers(
  records: readonly UserRecord[],
  pipelineTimeoutS: number,
): ProgressUser[] {
  return records.map((record) => ({
    outcome: record.outcome === 'unfinished' ? null : record.outcome,
    enqueue_ms: record.enqueue_ms,
    actual_start_ms: record.actual_start_ms,
    deadline_ms: (record.actual_start_ms ?? record.scheduled_start_ms) + pipelineTimeoutS * 1000,
  }));
}

/** Replaces one test's progress file atomically, so a reader never sees half a file. */
export function writeProgress(dir: string, name: string, users: readonly ProgressUser[]): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(`${path}.tmp`, JSON.stringify(users));
  renameSync(`${path}.tmp`, path);
}

/** Every user of every progress file in `dir`; a missing folder means nothing started yet. */
export function readProgress(dir: string): ProgressUser[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8')) as ProgressUser[];
    } catch {
      return [];
    }
  });
}
