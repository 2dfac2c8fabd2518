import { expect, test } from '@playwright/test';

import { collectRecords } from '../src/collect';
import { T0_MS, userRecord } from './helpers/records';

import type { GroupAttachment, PublicSettings } from '../src/records';

const SETTINGS: PublicSettings = Object.freeze({
  base_url: 'http://127.0.0.1:4010/api',
  simulator: true,
  project_ids: ['p1', 'p2'],
  users: 6,
  spawn_interval_s: 0.15,
  poll_interval_s: 5,
  pipeline_timeout_s: 1200,
  request_timeout_s: 30,
  insecure: false,
  enqueue_body: {},
  output: 'load-results/results.json',
  groups: 3,
  start_at_ms: T0_MS,
});

function attachment(shard: number, total: number, users: number[]): GroupAttachment {
  return {
    format: 'theory-load-records/1',
    shard: { current: shard, total },
    group: users[0] % 3,
    users,
    aborted: null,
    settings: SETTINGS,
    records: users.map((user) => userRecord({ user, shard })),
  };
}

test('keeps every attached user once, sorted', () => {
  const collected = collectRecords({
    attachments: [attachment(1, 1, [1, 4]), attachment(1, 1, [0, 3]), attachment(1, 1, [2, 5])],
    expectedUsers: [0, 1, 2, 3, 4, 5],
    mode: 'run',
    fallbackSettings: null,
  });
  expect(collected.records.map((r) => r.user)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(collected.partialReasons).toEqual([]);
});

test('adds users of a test that attached nothing as unfinished, on their schedule slot', () => {
  const collected = collectRecords({
    attachments: [attachment(1, 1, [0, 3]), attachment(1, 1, [1, 4])],
    expectedUsers: [0, 1, 2, 3, 4, 5],
    mode: 'run',
    fallbackSettings: null,
  });
  const lost = collected.records.filter((r) => r.outcome === 'unfinished');
  expect(lost.map((r) => [r.user, r.project_id, r.scheduled_start_ms])).toEqual([
    [2, 'p1', T0_MS + 300],
    [5, 'p2', T0_MS + 750],
  ]);
  expect(collected.partialReasons).toEqual([
    '2 users left no record (worker crash or run cut short)',
  ]);
});

test('a single shard accounts only for its own users', () => {
  const collected = collectRecords({
    attachments: [attachment(1, 2, [0, 3])],
    expectedUsers: [0, 3],
    mode: 'shard',
    fallbackSettings: null,
  });
  expect(collected.records).toHaveLength(2);
  expect(collected.partialReasons).toEqual([]);
});

test('a merge with a missing shard names it and counts its users as unfinished', () => {
  const collected = collectRecords({
    attachments: [attachment(1, 3, [0, 3]), attachment(3, 3, [2, 5])],
    expectedUsers: [0, 3, 2, 5],
    mode: 'merge',
    fallbackSettings: null,
  });
  expect(collected.records).toHaveLength(6);
  expect(collected.shardsMerged).toBe(2);
  expect(collected.missingShards).toEqual([2]);
  expect(collected.partialReasons[0]).toBe('no records from shard 2 of 3');
});

test('prefers a finished record over an unfinished one for the same user', () => {
  const unfinished = { ...attachment(1, 1, [0]), records: [userRecord({ outcome: 'unfinished' })] };
  const collected = collectRecords({
    attachments: [attachment(1, 1, [0]), unfinished],
    expectedUsers: [0],
    mode: 'shard',
    fallbackSettings: null,
  });
  expect(collected.records.map((r) => r.outcome)).toEqual(['completed']);
});
