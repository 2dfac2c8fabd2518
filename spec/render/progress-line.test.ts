import { expect, test } from '@playwright/test';

import {
  createProgressPrinter,
  formatDuration,
  renderProgressLine,
} from '../../src/render/progress-line';
import { deepFreeze } from '../helpers/records';

import type { ProgressSnapshot } from '../../src/progress';

const snapshot: ProgressSnapshot = deepFreeze({
  users: 100,
  started: 40,
  in_flight: 12,
  completed: 25,
  failed: 2,
  timed_out: 1,
  other: 0,
  enqueue_p95_ms: 312.4,
  seconds_left_until_last_deadline: 1180.2,
});

test('renders one short line with every figure, prefixed outside a terminal', () => {
  const expected =
    '40/100 started, 12 in flight, 25 completed, 2 failed, 1 timeout, 0 other, ' +
    'enqueue p95 312 ms, 19m 41s left';

  expect(renderProgressLine(snapshot, { tty: true })).toBe(expected);
  expect(renderProgressLine(snapshot, { tty: false })).toBe(`theory-load: ${expected}`);
  expect(renderProgressLine(snapshot, { tty: false }).length).toBeLessThan(120);
});

test('shows a dash for the p95 before any enqueue was answered', () => {
  const line = renderProgressLine({ ...snapshot, enqueue_p95_ms: null }, { tty: true });

  expect(line).toContain('enqueue p95 n/a,');
});

for (const [seconds, text] of [
  [0, '0s'],
  [0.2, '1s'],
  [59, '59s'],
  [60, '1m 00s'],
  [3599, '59m 59s'],
  [3600, '1h 00m'],
  [3_900, '1h 05m'],
] as const) {
  test(`formats ${seconds} s left as "${text}"`, () => {
    expect(formatDuration(seconds)).toBe(text);
  });
}

// Erase to the end of the line, so a shorter redraw leaves no tail of the previous one.
const CLEAR_TO_END = '\u001b[K';

function fakeStream(columns?: number) {
  const chunks: string[] = [];
  return { chunks, columns, write: (chunk: string) => chunks.push(chunk) };
}

function fakeClock(startMs: number) {
  const clock = { nowMs: startMs };
  return { clock, nowMs: () => clock.nowMs };
}

test('redraws in place on a terminal at most once per interval and ends the line on finish', () => {
  const stream = fakeStream();
  const { clock, nowMs } = fakeClock(0);
  const printer = createProgressPrinter(stream, { tty: true, intervalMs: 1000, nowMs });

  printer.update(snapshot);
  clock.nowMs = 500;
  printer.update({ ...snapshot, started: 41 });
  clock.nowMs = 1000;
  printer.update({ ...snapshot, started: 42 });
  printer.finish({ ...snapshot, started: 100 });

  expect(stream.chunks).toHaveLength(4);
  expect(stream.chunks[0]).toMatch(/^\r40\/100 started, /);
  expect(stream.chunks[0].endsWith(CLEAR_TO_END)).toBe(true);
  expect(stream.chunks[1]).toMatch(/^\r42\/100 started, /);
  expect(stream.chunks[2]).toMatch(/^\r100\/100 started, /);
  expect(stream.chunks[3]).toBe('\n');
});

test('cuts the redrawn line to the terminal width so it never wraps', () => {
  const stream = fakeStream(40);
  const printer = createProgressPrinter(stream, { tty: true, intervalMs: 1000, nowMs: () => 0 });

  printer.update(snapshot);

  expect(stream.chunks[0]).toBe(
    `\r${renderProgressLine(snapshot, { tty: true }).slice(0, 39)}${CLEAR_TO_END}`,
  );
});

test('prints plain lines in CI, throttled, and skips a line identical to the last one', () => {
  const stream = fakeStream();
  const { clock, nowMs } = fakeClock(0);
  const printer = createProgressPrinter(stream, { tty: false, intervalMs: 10_000, nowMs });

  printer.update(snapshot);
  clock.nowMs = 9_999;
  printer.update({ ...snapshot, started: 50 });
  clock.nowMs = 10_000;
  printer.update(snapshot);
  clock.nowMs = 20_000;
  printer.update({ ...snapshot, started: 60 });
  printer.finish({ ...snapshot, started: 60 });

  expect(stream.chunks).toEqual([
    `${renderProgressLine(snapshot, { tty: false })}\n`,
    `${renderProgressLine({ ...snapshot, started: 60 }, { tty: false })}\n`,
  ]);
  expect(stream.chunks.join('')).not.toContain('\r');
});
