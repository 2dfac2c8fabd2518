import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { createAbortGate } from '../src/abort-gate';
import { writeProgress } from '../src/progress-file';

import type { ProgressUser } from '../src/progress';

const ABORT = Object.freeze({ abortFailureRatio: 0.5, abortMinUsers: 4 });

function published(outcomes: ProgressUser['outcome'][]): ProgressUser[] {
  return outcomes.map((outcome) => ({
    outcome,
    enqueue_ms: 1,
    actual_start_ms: 0,
    deadline_ms: 1,
  }));
}

test('stays open while the published outcomes are healthy, closes once too many fail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abort-gate-'));
  let nowMs = 0;
  const gate = createAbortGate(ABORT, dir, [], () => nowMs);
  writeProgress(dir, 'a', published(['completed', 'completed', 'enqueue_failed', null]));
  writeProgress(dir, 'b', published(['completed', 'exception']));
  expect(gate.reason()).toBeNull();

  writeProgress(dir, 'b', published(['enqueue_failed', 'exception', 'status_failed']));
  expect(gate.reason()).toBeNull(); // looked less than 250 ms ago: no new look yet
  nowMs += 250;
  expect(gate.reason()).toMatch(/^aborted: 4 of 6 finished users failed/);
  expect(gate.closedBecause()).toBe(gate.reason());
});

test('stays closed once closed, whatever the files say later', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abort-gate-'));
  let nowMs = 0;
  const gate = createAbortGate(ABORT, dir, [], () => nowMs);
  writeProgress(dir, 'a', published(['exception', 'exception', 'exception', 'exception']));
  const reason = gate.reason();
  writeProgress(dir, 'a', published(['completed', 'completed', 'completed', 'completed']));
  nowMs += 1000;
  expect(reason).not.toBeNull();
  expect(gate.reason()).toBe(reason);
});

test('never closes, and never reads, when LOAD_ABORT_FAILURE_RATIO is unset', () => {
  const gate = createAbortGate({ abortFailureRatio: null, abortMinUsers: 1 }, '/nonexistent', []);
  expect(gate.reason()).toBeNull();
  expect(gate.closedBecause()).toBeNull();
});
