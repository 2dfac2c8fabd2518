import { expect, test } from '@playwright/test';

import { checkLayout, checkReporters, groupTestTimeoutMs } from '../src/run-plan';
import { lastDeadlineMs, parseUserList, planGroups, planUser } from '../src/schedule';
import { readSettings } from '../src/settings';

test('deals users to groups so that together they hold each user exactly once', () => {
  const groups = planGroups(10, 4);
  expect(groups.map((g) => g.users)).toEqual([
    [0, 4, 8],
    [1, 5, 9],
    [2, 6],
    [3, 7],
  ]);
  const all = groups.flatMap((g) => g.users).sort((a, b) => a - b);
  expect(all).toEqual([...Array(10).keys()]);
});

test('omits empty groups when there are fewer users than groups', () => {
  expect(planGroups(2, 4).map((g) => g.users)).toEqual([[0], [1]]);
});

test('schedules user i at t0 + i × interval on project i mod n', () => {
  expect(planUser(7, 1000, 0.15, ['a', 'b', 'c'])).toEqual({
    user: 7,
    projectId: 'b',
    scheduledStartMs: 1000 + 1050,
  });
});

test('puts the last deadline at the last start plus the pipeline timeout', () => {
  expect(lastDeadlineMs(0, 100, 0.15, 1200)).toBe(99 * 150 + 1_200_000);
});

test('parses the user list annotation', () => {
  expect(parseUserList('0,4,8')).toEqual([0, 4, 8]);
  expect(parseUserList('')).toEqual([]);
});

test('gives a group test the wait, the spawn window, the pipeline timeout and slack', () => {
  const settings = readSettings({
    LOAD_START_AT: '10000',
    LOAD_USERS: '11',
    LOAD_SPAWN_INTERVAL: '1',
  });
  expect(groupTestTimeoutMs(settings, 4000)).toBe(6000 + 10_000 + 1_200_000 + 60_000 + 30_000);
});

test('refuses more shards than groups', () => {
  expect(() => checkLayout(readSettings({}), { current: 1, total: 5 }, 4)).toThrow(
    'LOAD_GROUPS must be at least the shard count 5, or some shards run nobody (got 4 with 100 users)',
  );
});

test('refuses fewer workers than the groups of a shard', () => {
  expect(() =>
    checkLayout(readSettings({ LOAD_GROUPS: '8' }), { current: 1, total: 2 }, 2),
  ).toThrow('--workers must cover every group of a shard so all start on time (got 2 for 4 groups');
  expect(() =>
    checkLayout(readSettings({ LOAD_GROUPS: '8' }), { current: 1, total: 4 }, 2),
  ).not.toThrow();
});

test('accepts a reporter list that keeps the load reporter, by config path or resolved path', () => {
  expect(() => checkReporters(['./reporters/load-reporter.ts', 'list'])).not.toThrow();
  expect(() => checkReporters(['line', '/work/x/reporters/load-reporter.ts'])).not.toThrow();
});

test('refuses a reporter list without the load reporter, saying how to keep it', () => {
  const expected =
    '--reporter must include ./reporters/load-reporter.ts, or no results are written';
  expect(() => checkReporters(['line'])).toThrow(
    `${expected} (got "line"); for example --reporter=line,./reporters/load-reporter.ts`,
  );
});
