import { expect, test } from '@playwright/test';

import { renderConsoleSummary } from '../../src/render/console-summary';
import { truncate } from '../../src/render/format';
import { aggregateRuns } from '../../src/results';
import { deepFreeze, publicSettings, requestSample, userRecord } from '../helpers/records';

import type { Advice, RunResults, UserRecord, Verdict } from '../../src/records';
import type { AggregateContext } from '../../src/results';

const context: AggregateContext = deepFreeze({
  settings: publicSettings({ users: 4, project_ids: ['p1', 'p2'] }),
  shard: null,
  shardsMerged: 1,
  interrupted: false,
  aborted: false,
  partialReasons: [],
});

function resultsOf(records: UserRecord[], overrides: Partial<AggregateContext> = {}): RunResults {
  return aggregateRuns(records, { ...context, ...overrides });
}

// Three completed users and one enqueue 500: small enough to check every line by hand.
const mostlyCompleted = [
  userRecord({ user: 0, enqueue_ms: 100, total_ms: 10_000 }),
  userRecord({ user: 1, project_id: 'p2', enqueue_ms: 300, total_ms: 20_000 }),
  userRecord({ user: 2, enqueue_ms: 200, total_ms: 30_000 }),
  userRecord({
    user: 3,
    project_id: 'p2',
    outcome: 'enqueue_failed',
    task_id: null,
    http_status: 500,
    enqueue_ms: 1_500,
    total_ms: 1_500,
    requests: [requestSample({ kind: 'enqueue', duration_ms: 1_500, status: 500 })],
  }),
];

test.describe('renderConsoleSummary', () => {
  test('summarizes users, outcomes, latencies and the JSON path in plain text', () => {
    const text = renderConsoleSummary(resultsOf(mostlyCompleted), {
      outputPath: 'load-results/results.json',
    });

    expect(text.split('\n')).toEqual([
      'theory-load: 4 users on 2 projects in 30.3 s, 10 requests',
      '  outcomes   completed 3 (75.0%), enqueue_failed 1 (25.0%)',
      '  enqueue    p50 250 ms, p95 1.32 s, max 1.50 s (4 answered)',
      '  total      p50 15.0 s, p95 28.5 s, max 30.0 s (4 ended)',
      '  poll       p95 20 ms (6 answered)',
      '  start lag  p95 0.0 ms, max 0.0 ms',
      '  errors     1 × enqueue answered HTTP 500 with no detail',
      '  results    load-results/results.json',
    ]);
  });

  test('writes no ANSI escapes unless colour is asked for', () => {
    const results = resultsOf(mostlyCompleted);

    expect(renderConsoleSummary(results)).not.toContain('\u001b[');
    expect(renderConsoleSummary(results, { color: false })).not.toContain('\u001b[');
    expect(renderConsoleSummary(results, { color: true })).toContain('\u001b[31m');
  });

  test('says "no values" rather than zeros when no user got an enqueue answer', () => {
    const failed = [0, 1].map((user) =>
      userRecord({ user, outcome: 'exception', enqueue_ms: null, total_ms: null, requests: [] }),
    );

    const text = renderConsoleSummary(resultsOf(failed));

    expect(text).toContain('  enqueue    no values (0 answered)');
    expect(text).toContain('  errors     2 × exception with no message');
  });

  test('warns that reused users are not independent pipelines', () => {
    const records = [
      userRecord({ user: 0, task_id: 'shared' }),
      userRecord({ user: 1, task_id: 'shared', reused: true }),
    ];

    const text = renderConsoleSummary(resultsOf(records));

    expect(text).toContain(
      "  reused     1 users reused another user's task: 1 distinct tasks, not independent pipelines",
    );
  });

  test('marks partial results with their reasons', () => {
    const records = [userRecord({ user: 0, outcome: 'unfinished', end_ms: null, total_ms: null })];

    const text = renderConsoleSummary(resultsOf(records, { partialReasons: ['shard 2 missing'] }));

    expect(text).toContain(
      '  PARTIAL    shard 2 missing; 1 user never reached an outcome; 3 users of 4 scheduled have no record',
    );
  });

  test('ranks error messages by count over every user, not only the first 50', () => {
    const records = Array.from({ length: 80 }, (_, user) =>
      userRecord({
        user,
        outcome: user < 60 ? 'failed' : 'timeout',
        error: user < 60 ? `boom ${user % 2}` : null,
      }),
    );

    const text = renderConsoleSummary(resultsOf(records, { settings: null }));

    expect(text).toContain(
      [
        '  errors     30 × boom 0',
        '             30 × boom 1',
        '             20 × no terminal status after 10 s (last status completed)',
      ].join('\n'),
    );
  });

  test('counts the error messages left out after the top three', () => {
    const records = Array.from({ length: 5 }, (_, user) =>
      userRecord({ user, outcome: 'failed', error: `cause ${user}` }),
    );

    const text = renderConsoleSummary(resultsOf(records));

    expect(text).toContain('             and 2 more distinct messages');
  });

  test('leaves the verdict and advice out when nobody added them', () => {
    const text = renderConsoleSummary(resultsOf(mostlyCompleted));

    expect(text).not.toContain('verdict');
    expect(text).not.toContain('advice');
  });

  const criteria: Verdict['criteria'] = [
    { name: 'enqueue_p95_ms', value: 1_820.4, bound: '< 1.50 s', passed: false, detail: '' },
    { name: 'completed_ratio', value: 0.96, bound: '>= 95.0%', passed: true, detail: '' },
    { name: 'failed_timeout_ratio', value: 0.0625, bound: '<= 5.0%', passed: false, detail: '' },
  ];
  const verdictCases: { title: string; verdict: Partial<Verdict>; expected: string }[] = [
    {
      title: 'shows a passed verdict with its criteria count',
      verdict: { passed: true, judged: true, criteria: criteria.slice(1, 2) },
      expected: '  verdict    PASS, 1 criteria met',
    },
    {
      title: 'names the failed criteria with value and bound',
      verdict: { passed: false, judged: true, criteria },
      expected:
        '  verdict    FAIL: enqueue_p95_ms 1.82 s (needs < 1.50 s), ' +
        'failed_timeout_ratio 6.3% (needs <= 5.0%)',
    },
    {
      title: 'gives the reason a run was not judged',
      verdict: { passed: null, judged: false, reason: 'the results are partial' },
      expected: '  verdict    not judged: the results are partial',
    },
  ];

  for (const { title, verdict, expected } of verdictCases) {
    test(title, () => {
      const results: RunResults = {
        ...resultsOf(mostlyCompleted),
        verdict: {
          passed: null,
          judged: false,
          reason: null,
          criteria: [],
          warnings: [],
          ...verdict,
        } as Verdict,
      };

      expect(renderConsoleSummary(results).split('\n')).toContain(expected);
    });
  }

  test('lists the first three advice rules and counts the rest', () => {
    const advice = ['timeouts', 'db-pool', 'rate-limit', 'reused-tasks'].map(
      (rule) =>
        ({
          rule,
          source: 'runbook',
          message: `advice for ${rule}`,
          changes: {},
          evidence: [],
        }) as Advice,
    );

    const text = renderConsoleSummary({ ...resultsOf(mostlyCompleted), advice });

    expect(text).toContain(
      [
        '  advice     timeouts: advice for timeouts',
        '             db-pool: advice for db-pool',
        '             rate-limit: advice for rate-limit',
        '             and 1 more in the results JSON',
      ].join('\n'),
    );
  });
});

test.describe('console text', () => {
  test('cuts long multi-line text to one line with an ellipsis', () => {
    expect(truncate('a\n  b c', 10)).toBe('a b c');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });
});
