// Why a results JSON is partial. Each reason is a sentence for the console and the HTML
// report; `partial` is true exactly when there is at least one, so a verdict can refuse to
// judge a run that does not describe every scheduled user once.
import type { AggregateContext } from './results';
import type { StatusCounts, UserRecord } from './records';

/**
 * The caller's reasons followed by those the records show: an interrupted run, users that
 * never reached an outcome or never started, users recorded twice, and (for a whole run, not
 * one shard) scheduled users without a record. Duplicate texts are dropped, so a caller that
 * already named a cause in the same words is not repeated.
 *
 * Complexity: O(n) over records sorted by user. Throws nothing.
 *
 * @example
 * collectPartialReasons(records, counts, { ...context, interrupted: true });
 * // => ['the run was interrupted', '3 users never reached an outcome']
 */
export function collectPartialReasons(
  records: readonly UserRecord[],
  statusCounts: StatusCounts,
  context: AggregateContext,
): string[] {
  const reasons = [...context.partialReasons];
  if (context.interrupted) {
    reasons.push('the run was interrupted');
  }
  if (statusCounts.unfinished > 0) {
    reasons.push(`${usersText(statusCounts.unfinished)} never reached an outcome`);
  }
  if (statusCounts.not_started > 0) {
    reasons.push(`${usersText(statusCounts.not_started)} never started`);
  }

  const duplicates = duplicateUsers(records);
  if (duplicates.length > 0) {
    // Two records for one user mean a blob was merged twice or shards overlapped; the counts
    // no longer describe one run, so the results must not be judged as if they did.
    reasons.push(`users recorded more than once: ${listUsers(duplicates)}`);
  }

  // Only a whole run is expected to hold every scheduled user; one shard holds its share.
  const expectedUsers = context.settings?.users;
  const wholeRun = context.shard === null || context.shard.total === 1;
  if (wholeRun && expectedUsers !== undefined && records.length < expectedUsers) {
    const missing = expectedUsers - records.length;
    reasons.push(`${usersText(missing)} of ${expectedUsers} scheduled have no record`);
  }

  return [...new Set(reasons)];
}

function duplicateUsers(sortedRecords: readonly UserRecord[]): number[] {
  const duplicates: number[] = [];
  for (let index = 1; index < sortedRecords.length; index++) {
    const user = sortedRecords[index].user;
    if (user === sortedRecords[index - 1].user && duplicates.at(-1) !== user) {
      duplicates.push(user);
    }
  }
  return duplicates;
}

function listUsers(users: readonly number[]): string {
  const shown = users.slice(0, 10).join(', ');
  return users.length > 10 ? `${shown} and ${users.length - 10} more` : shown;
}

function usersText(count: number): string {
  return count === 1 ? '1 user' : `${count} users`;
}
