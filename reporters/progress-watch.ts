// The reporter's side of live progress: every tick it reads the workers' progress files and
// offers a snapshot to the printer, which redraws one line on a terminal and prints plain
// periodic lines elsewhere (CI logs).
import { rmSync } from 'node:fs';

import { computeProgress } from '../src/progress';
import { PROGRESS_DIR_ENV, readProgress } from '../src/progress-file';
import { createProgressPrinter } from '../src/render/progress-line';

const TICK_MS = 1000;
const TTY_INTERVAL_MS = 1000;
const PLAIN_INTERVAL_MS = 10_000;

export interface ProgressWatch {
  stop(): void;
}

export function watchProgress(stream: NodeJS.WriteStream): ProgressWatch {
  const tty = stream.isTTY === true;
  const printer = createProgressPrinter(stream, {
    tty,
    intervalMs: tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS,
  });
  let drawn = false;
  const snapshot = () => {
    // Read lazily: the global setup names the folder after the reporter has started.
    const dir = process.env[PROGRESS_DIR_ENV];
    return dir === undefined ? null : computeProgress(readProgress(dir), Date.now());
  };
  const timer = setInterval(() => {
    const current = snapshot();
    if (current === null || current.users === 0) return;
    printer.update(current);
    drawn = true;
  }, TICK_MS);
  timer.unref();

  return {
    stop() {
      clearInterval(timer);
      const last = snapshot();
      if (drawn && last !== null) printer.finish(last);
      // The folder is this run's scratch space; nothing reads it after the last line.
      const dir = process.env[PROGRESS_DIR_ENV];
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
