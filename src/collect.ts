// Turns what the load tests attached into one record per user, accounting for every user that
// should have run: a test that crashed, never started or was cut off leaves its users without
// records, and they are added back as `unfinished` instead of silently shrinking the run.
import { newUserRecord } from './flow';
import { planUser } from './schedule';

import type { GroupAttachment, PublicSettings, UserRecord } from './records';

/** `run`: one unsharded run; `shard`: one shard of many; `merge`: blob reports merged. */
export type CollectMode = 'run' | 'shard' | 'merge';

export interface CollectInput {
  attachments: readonly GroupAttachment[];
  /** Users the tests of this report were responsible for (from their annotations). */
  expectedUsers: readonly number[];
  mode: CollectMode;
  /** Used when no attachment arrived at all (every worker died). */
  fallbackSettings: PublicSettings | null;
}

export interface Collected {
  records: UserRecord[];
  settings: PublicSettings | null;
  shardsMerged: number;
  partialReasons: string[];
  /** Why some test stopped starting users, when one did. */
  abortReason: string | null;
  /** Shards of a merged run that sent no records at all (a lost blob, a shard that crashed). */
  missingShards: number[];
}

export function collectRecords(input: CollectInput): Collected {
  const settings = input.attachments[0]?.settings ?? input.fallbackSettings;
  const byUser = new Map<number, UserRecord>();
  for (const attachment of input.attachments) {
    for (const record of attachment.records) keepBest(byUser, record);
  }

  const partialReasons: string[] = [];
  const missingShards: number[] = [];
  const expected = new Set(input.expectedUsers);
  const shardTotal = Math.max(1, ...input.attachments.map((a) => a.shard.total));
  const shardsSeen = new Set(input.attachments.map((a) => a.shard.current));
  if (input.mode !== 'shard' && settings !== null) {
    // A merge knows the whole run from the settings, whatever blobs made it here.
    for (let user = 0; user < settings.users; user++) expected.add(user);
    if (input.mode === 'merge') {
      missingShards.push(...range(1, shardTotal).filter((shard) => !shardsSeen.has(shard)));
    }
    if (missingShards.length > 0) {
      partialReasons.push(`no records from shard ${missingShards.join(', ')} of ${shardTotal}`);
    }
  }

  const lost = [...expected].filter((user) => !byUser.has(user)).sort((a, b) => a - b);
  if (lost.length > 0) {
    partialReasons.push(`${lost.length} users left no record (worker crash or run cut short)`);
    for (const user of lost) byUser.set(user, lostRecord(user, settings));
  }

  return {
    records: [...byUser.values()].sort((a, b) => a.user - b.user),
    settings,
    shardsMerged: input.mode === 'merge' ? shardsSeen.size : 1,
    partialReasons,
    abortReason: input.attachments.find((a) => a.aborted !== null)?.aborted ?? null,
    missingShards,
  };
}

/** A user reported twice (a retried test) keeps its finished record over an unfinished one. */
function keepBest(byUser: Map<number, UserRecord>, record: UserRecord): void {
  const previous = byUser.get(record.user);
  if (previous === undefined || previous.outcome === 'unfinished') byUser.set(record.user, record);
}

function lostRecord(user: number, settings: PublicSettings | null): UserRecord {
  const plan =
    settings === null
      ? { user, projectId: 'unknown', scheduledStartMs: 0 }
      : planUser(user, settings.start_at_ms, settings.spawn_interval_s, settings.project_ids);
  const record = newUserRecord(plan, 0);
  record.error = 'no record reached the reporter: the worker running this user stopped first';
  return record;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}
