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
  /** Stops the ticks and draws the final line. */
  stop(): void;
  /** Deletes the progress folder; call once the workers are gone. */
  removeFolder(): void;
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
    },
    removeFolder() {
      // The folder is this run's scratch space. Workers cut off by a global timeout may still be
      // writing to it, so removal is best effort and never fails the run.
      const dir = process.env[PROGRESS_DIR_ENV];
      if (dir === undefined) return;
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Left in the temp dir; the OS cleans it.
      }
    },
  };
}
