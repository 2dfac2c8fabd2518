import { expect, test } from '@playwright/test';

import {
  completedCriterion,
  enqueueP95Criterion,
  failedTimeoutCriterion,
  unsupportedCriterion,
} from '../../src/judge/criteria';
import { JUDGE_DEFAULTS } from '../../src/judge/defaults';
import { EMPTY_SCAN, scanLogLines } from '../../src/judge/unsupported-scan';
import { judgeRun } from '../../src/judge/verdict';
import { deepFreeze } from '../helpers/records';
import { runOf, runResults, usersWith } from './build-results';

import type { UnsupportedReport } from '../../src/records';

const SETTINGS = deepFreeze({ ...JUDGE_DEFAULTS, backendLogs: [] as string[] });
const HEALING =
  "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.";

function report(total: number, inLogs = 0, patterns: string[] = []): UnsupportedReport {
  return { total, in_tasks: total - inLogs, in_logs: inLogs, log_patterns: patterns, messages: [] };
}

test.describe('criteria', () => {
  test('enqueue p95 passes strictly below the bound and fails at it', () => {
    const below = runResults(usersWith(3, 'completed', { enqueue_ms: 1499.9 }));
    const at = runResults(usersWith(3, 'completed', { enqueue_ms: 1500 }));
    expect(enqueueP95Criterion(below, 1500)).toEqual({
      name: 'enqueue_p95_ms',
      value: 1499.9,
      bound: '< 1.50 s',
      passed: true,
      detail: 'p95 of 3 answered enqueues',
    });
    expect(enqueueP95Criterion(at, 1500).passed).toBe(false);
  });

  test('enqueue p95 fails with no value when no enqueue was answered', () => {
    const results = runResults(usersWith(2, 'exception', { enqueue_ms: null }));
    expect(enqueueP95Criterion(results, 1500)).toMatchObject({
      value: null,
      passed: false,
      detail: 'no enqueue was answered',
    });
  });

  test('the completed share passes at exactly 95 % and fails just below', () => {
    const at = completedCriterion(runResults(runOf(20, 1, 'failed')), 0.95);
    expect(at).toEqual({
      name: 'completed_ratio',
      value: 0.95,
      bound: '>= 95.0%',
      passed: true,
      detail: '19 of 20 users completed',
    });
    const below = completedCriterion(runResults(runOf(100, 6, 'enqueue_failed')), 0.95);
    expect(below).toMatchObject({ value: 0.94, passed: false });
  });

  test('the failed + timeout share passes at exactly 5 % and fails above', () => {
    const edge = [
      ...usersWith(1, 'failed'),
      ...usersWith(1, 'timeout', {}, 1),
      ...usersWith(38, 'completed', {}, 2),
    ];
    const at = failedTimeoutCriterion(runResults(edge), 0.05);
    expect(at).toMatchObject({ value: 0.05, passed: true, bound: '<= 5.0%' });
    const mixed = runResults([
      ...usersWith(3, 'failed'),
      ...usersWith(3, 'timeout', {}, 3),
      ...usersWith(94, 'completed', {}, 6),
    ]);
    expect(failedTimeoutCriterion(mixed, 0.05)).toEqual({
      name: 'failed_timeout_ratio',
      value: 0.06,
      bound: '<= 5.0%',
      passed: false,
      detail: '3 failed + 3 timeout of 100 users',
    });
  });

  test('enqueue failures lower the completed share but not the failed + timeout share', () => {
    const results = runResults(runOf(10, 5, 'enqueue_failed'));
    expect(completedCriterion(results, 0.95).passed).toBe(false);
    expect(failedTimeoutCriterion(results, 0.05)).toMatchObject({ value: 0, passed: true });
  });

  test('unsupported_parameter passes at the maximum and fails above it, saying where it looked', () => {
    expect(unsupportedCriterion(report(1), 1)).toEqual({
      name: 'unsupported_parameter',
      value: 1,
      bound: '<= 1 occurrence',
      passed: true,
      detail: '1 in failed tasks, backend logs not scanned (LOAD_BACKEND_LOGS unset)',
    });
    expect(unsupportedCriterion(report(2, 2, ['logs/*.log']), 1)).toMatchObject({
      passed: false,
      detail: '0 in failed tasks, 2 in backend logs',
    });
    expect(unsupportedCriterion(report(0), 0)).toMatchObject({
      bound: '<= 0 occurrences',
      passed: true,
    });
  });
});

test.describe('judgeRun', () => {
  test('passes a clean run with every criterion measured', () => {
    const verdict = judgeRun(runResults(usersWith(20, 'completed')), SETTINGS, EMPTY_SCAN);
    expect(verdict.passed).toBe(true);
    expect(verdict.judged).toBe(true);
    expect(verdict.deferred).toBe(false);
    expect(verdict.reason).toBeNull();
    expect(
      verdict.criteria.map((criterion) => [criterion.name, criterion.value, criterion.passed]),
    ).toEqual([
      ['enqueue_p95_ms', 100, true],
      ['completed_ratio', 1, true],
      ['failed_timeout_ratio', 0, true],
      ['unsupported_parameter', 0, true],
    ]);
    expect(verdict.warnings).toEqual([]);
  });

  test('fails on the one criterion that missed and keeps the others passing', () => {
    const verdict = judgeRun(
      runResults(usersWith(20, 'completed', { enqueue_ms: 2000 })),
      SETTINGS,
      EMPTY_SCAN,
    );
    expect(verdict.passed).toBe(false);
    expect(
      verdict.criteria.filter((criterion) => !criterion.passed).map((criterion) => criterion.name),
    ).toEqual(['enqueue_p95_ms']);
  });

  test('counts unsupported_parameter in failed tasks plus the log scan, and lists the messages', () => {
    const runs = [
      ...usersWith(1, 'failed', {
        error: "Error code: 400 - {'code': 'unsupported_parameter', 'param': 'max_tokens'}",
      }),
      ...usersWith(39, 'completed', {}, 1),
    ];
    const verdict = judgeRun(
      runResults(runs),
      { ...SETTINGS, backendLogs: ['api.log'] },
      scanLogLines([HEALING]),
    );
    const criterion = verdict.criteria.find((entry) => entry.name === 'unsupported_parameter');
    expect(criterion).toMatchObject({
      value: 2,
      passed: false,
      detail: '1 in failed tasks, 1 in backend logs',
    });
    expect(verdict.unsupported).toMatchObject({
      total: 2,
      in_tasks: 1,
      in_logs: 1,
      log_patterns: ['api.log'],
    });
    expect(verdict.unsupported?.messages.map((entry) => entry.form).sort()).toEqual([
      'provider',
      'self_healing',
    ]);
  });

  test('warns that a completed share over reused tasks overstates capacity, naming the pipelines', () => {
    const shared = '00000000-0000-4000-8000-00000000aaaa';
    const runs = [
      ...usersWith(2, 'completed'),
      ...usersWith(8, 'completed', { task_id: shared, reused: true }, 2),
    ];
    const verdict = judgeRun(runResults(runs), SETTINGS, EMPTY_SCAN);
    expect(verdict.passed).toBe(true);
    expect(verdict.warnings).toEqual([
      "8 users shared another user's task: only 3 distinct pipelines ran for 10 users, so the " +
        "completed share (100.0%) overstates the backend's capacity",
    ]);
  });

  test('carries partial reasons into the warnings', () => {
    const results = runResults(usersWith(10, 'completed'), {
      partial: true,
      partial_reasons: ['2 users unfinished'],
    });
    expect(judgeRun(results, SETTINGS, EMPTY_SCAN).warnings).toEqual([
      'partial results: 2 users unfinished',
    ]);
  });

  const unjudgeable: [string, ReturnType<typeof runResults>, string][] = [
    [
      'no user finished',
      runResults(usersWith(5, 'enqueue_failed')),
      'no user finished (none completed, failed or timed out)',
    ],
    [
      'the run was interrupted',
      runResults(usersWith(5, 'completed'), { interrupted: true }),
      'the run was interrupted',
    ],
    [
      'the run was aborted',
      runResults(runOf(20, 15, 'status_failed'), { aborted: true }),
      'the run was aborted after too many failures',
    ],
    [
      'there were no users at all',
      runResults([]),
      'no user finished (none completed, failed or timed out)',
    ],
  ];
  for (const [title, results, reason] of unjudgeable) {
    test(`cannot judge a run when ${title}, yet still measures each criterion`, () => {
      const verdict = judgeRun(results, SETTINGS, EMPTY_SCAN);
      expect(verdict).toMatchObject({ passed: null, judged: false, deferred: false, reason });
      expect(verdict.criteria).toHaveLength(4);
      for (const criterion of verdict.criteria) {
        expect(criterion.passed).toBeNull();
        expect(criterion.detail).toContain(`not judged: ${reason}`);
      }
    });
  }

  test('leaves a single shard of a sharded run to the merge, even when its own numbers fail', () => {
    const results = runResults(runOf(10, 5, 'failed'), { shard: { current: 2, total: 3 } });
    const verdict = judgeRun(results, SETTINGS, EMPTY_SCAN);
    expect(verdict).toMatchObject({
      passed: null,
      judged: false,
      deferred: true,
      reason: 'shard 2 of 3: the merge judges the run',
    });
    expect(verdict.criteria.find((entry) => entry.name === 'completed_ratio')).toMatchObject({
      value: 0.5,
      passed: null,
    });
  });

  test('defers a shard where no user finished: another shard may hold the finishers', () => {
    const results = runResults(usersWith(3, 'unfinished'), { shard: { current: 1, total: 2 } });
    expect(judgeRun(results, SETTINGS, EMPTY_SCAN)).toMatchObject({
      deferred: true,
      judged: false,
    });
  });

  test('does not defer an interrupted shard: its harness failed, whatever the merge says', () => {
    const results = runResults(usersWith(3, 'completed'), {
      shard: { current: 1, total: 2 },
      interrupted: true,
    });
    expect(judgeRun(results, SETTINGS, EMPTY_SCAN)).toMatchObject({
      deferred: false,
      reason: 'the run was interrupted',
    });
  });

  test('judges a run whose shard block says one shard of one', () => {
    const results = runResults(usersWith(3, 'completed'), { shard: { current: 1, total: 1 } });
    expect(judgeRun(results, SETTINGS, EMPTY_SCAN)).toMatchObject({ judged: true, passed: true });
  });
});
