// Which users a load test runs, when each starts and which project it uses. Users are dealt to
// groups like cards (user i goes to group i mod G) so every group's users are spread over the
// whole spawn window: a worker never gets all the early or all the late starters.

/** One virtual user's place in the run. */
export interface UserPlan {
  user: number;
  projectId: string;
  /** Epoch ms at which the schedule says this user starts. */
  scheduledStartMs: number;
}

export interface GroupPlan {
  /** 0-based group index; one Playwright test per group. */
  group: number;
  users: number[];
}

/** Every group of the run, in order; groups beyond the user count stay empty and are omitted. */
export function planGroups(users: number, groups: number): GroupPlan[] {
  const plans: GroupPlan[] = [];
  for (let group = 0; group < Math.min(groups, users); group++) {
    const members: number[] = [];
    for (let user = group; user < users; user += groups) members.push(user);
    plans.push({ group, users: members });
  }
  return plans;
}

/** User i starts at t0 + i × interval and uses project i mod n, as in the runbook's script. */
export function planUser(
  user: number,
  startAtMs: number,
  spawnIntervalS: number,
  projectIds: readonly string[],
): UserPlan {
  return {
    user,
    projectId: projectIds[user % projectIds.length],
    scheduledStartMs: startAtMs + user * spawnIntervalS * 1000,
  };
}

/** Epoch ms of the last moment a user of this run may still be waiting for its task. */
export function lastDeadlineMs(
  startAtMs: number,
  users: number,
  spawnIntervalS: number,
  pipelineTimeoutS: number,
): number {
  return startAtMs + (users - 1) * spawnIntervalS * 1000 + pipelineTimeoutS * 1000;
}

/** Parses the comma-separated user list that a load test carries in its annotation. */
export function parseUserList(text: string): number[] {
  return text
    .split(',')
    .filter((part) => part !== '')
    .map((part) => Number(part));
}
