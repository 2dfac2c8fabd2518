// The live progress line of a long run, and a small printer that decides how it reaches the
// stream: redrawn in place on a terminal, plain periodic lines in CI logs (where a carriage
// return would pile every redraw into one unreadable line).
import { formatMs } from '../format';

import type { ProgressSnapshot } from '../progress';

export interface ProgressLineOptions {
  /** True on a terminal: a compact line meant to be redrawn in place. */
  tty: boolean;
}

/**
 * One short line: started, in flight, completed, failed, timed out, other, enqueue p95 and the
 * time left until the last deadline. The plain form is prefixed so it stands out among
 * Playwright's own lines.
 *
 * @example
 * renderProgressLine(snapshot, { tty: false });
 * // => 'theory-load: 40/100 started, 12 in flight, 25 completed, 2 failed, 1 timeout, ...'
 */
export function renderProgressLine(
  snapshot: ProgressSnapshot,
  options: ProgressLineOptions,
): string {
  const parts = [
    `${snapshot.started}/${snapshot.users} started`,
    `${snapshot.in_flight} in flight`,
    `${snapshot.completed} completed`,
    `${snapshot.failed} failed`,
    `${snapshot.timed_out} timeout`,
    `${snapshot.other} other`,
    `enqueue p95 ${formatMs(snapshot.enqueue_p95_ms)}`,
    `${formatDuration(snapshot.seconds_left_until_last_deadline)} left`,
  ];
  const line = parts.join(', ');
  return options.tty ? line : `theory-load: ${line}`;
}

/** "45s", "19m 40s", "1h 05m": rounded up, so a run never shows "0s left" while still going. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(Math.max(seconds, 0));
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  const minutes = Math.floor((whole % 3600) / 60);
  return `${Math.floor(whole / 3600)}h ${String(minutes).padStart(2, '0')}m`;
}

/** The part of a writable stream the printer needs; a fake in tests. */
export interface LineStream {
  write(chunk: string): unknown;
  /** Terminal width, which Node sets on TTY streams. */
  columns?: number;
}

export interface ProgressPrinterOptions {
  tty: boolean;
  /** At most one line per interval; updates in between only replace the pending snapshot. */
  intervalMs: number;
  /** Injected clock for tests; Date.now by default. */
  nowMs?: () => number;
}

export interface ProgressPrinter {
  /** Offers the latest snapshot; it is drawn now if the interval has passed since the last. */
  update(snapshot: ProgressSnapshot): void;
  /** Draws the final state and, on a terminal, ends the redrawn line so later output starts clean. */
  finish(snapshot: ProgressSnapshot): void;
}

// Carriage return to the line start, then erase to its end: a shorter redraw leaves no tail.
const REDRAW = '\r';
const CLEAR_TO_END = '\x1b[K';

/** A throttled progress printer writing to `stream`. */
export function createProgressPrinter(
  stream: LineStream,
  options: ProgressPrinterOptions,
): ProgressPrinter {
  const nowMs = options.nowMs ?? Date.now;
  let lastDrawMs: number | null = null;
  let lastLine: string | null = null;
  let lineOpen = false;

  const draw = (snapshot: ProgressSnapshot): void => {
    const line = renderProgressLine(snapshot, { tty: options.tty });
    lastDrawMs = nowMs();
    // In CI an unchanged line is noise; on a terminal redrawing it costs nothing visible.
    if (!options.tty && line === lastLine) return;
    lastLine = line;
    if (options.tty) {
      // A line that wraps cannot be redrawn with \r: it would leave its first half behind.
      const fitted = line.slice(0, Math.max((stream.columns ?? 120) - 1, 20));
      stream.write(`${REDRAW}${fitted}${CLEAR_TO_END}`);
      lineOpen = true;
    } else {
      stream.write(`${line}\n`);
    }
  };

  return {
    update(snapshot) {
      if (lastDrawMs !== null && nowMs() - lastDrawMs < options.intervalMs) return;
      draw(snapshot);
    },
    finish(snapshot) {
      draw(snapshot);
      if (lineOpen) stream.write('\n');
      lineOpen = false;
    },
  };
}
