// Traps the API contract describes that show in a run's data. Most say the figures measure
// something other than capacity, so they matter before any tuning step.
import { formatCount, formatMs, formatPercent, plural } from '../format';
import { distinctTaskRuns, stepHistogram } from './run-signals';

import type { UnsupportedScan } from './unsupported-scan';
import type { Advice, RunResults, UserRecord } from '../records';

// One cancel can be a person; several in a load run mean the backend shut down under it.
const CANCELED_MIN_TASKS = 2;
const MESSAGES_CITED = 3;

/** Users shared tasks through the project lock: fewer pipelines ran than users. */
export function reusedTaskAdvice(results: RunResults): Advice | null {
  if (results.reused_users === 0) return null;
  const projects = results.projects.length;
  return {
    rule: 'reused-tasks',
    source: 'contract',
    message:
      'Users on the same project got the task already running there (202 with reused: true), ' +
      'so this run measured fewer pipelines than users. Give LOAD_PROJECT_IDS as many ' +
      'projects as users to load the pipeline itself, or read the completed share per pipeline.',
    changes: {},
    evidence: [
      `${plural(results.reused_users, 'user')} of ${formatCount(results.users)} reused a task`,
      `${plural(results.distinct_tasks, 'distinct task')} ran on ${plural(projects, 'project')}`,
    ],
  };
}

/** 409s on a project: another owner's task, or the stale-lock loop of contract section 3. */
export function staleLockAdvice(results: RunResults): Advice | null {
  const byProject = new Map<string, UserRecord[]>();
  for (const run of results.runs) {
    const users = byProject.get(run.project_id) ?? [];
    users.push(run);
    byProject.set(run.project_id, users);
  }

  const evidence: string[] = [];
  const looping: string[] = [];
  for (const [projectId, users] of [...byProject.entries()].sort()) {
    const conflicts = users.filter(
      (run) => run.outcome === 'enqueue_failed' && run.http_status === 409,
    );
    if (conflicts.length === 0) continue;
    const started = users.filter((run) => run.task_id !== null).length;
    evidence.push(
      `project ${projectId}: ${formatCount(conflicts.length)} of ` +
        `${plural(users.length, 'enqueue')} answered 409, ${plural(started, 'task')} started`,
    );
    if (started === 0) looping.push(projectId);
  }
  if (evidence.length === 0) return null;

  const loop =
    looping.length > 0
      ? `Project ${looping.join(', ')} never started a task: the stale-lock loop, where every ` +
        'POST re-arms a 30-minute lock on a task that does not exist. Stop posting to it for ' +
        '30 minutes, or delete its Redis key theory_lock:<project_id>; cancel cannot clear it.'
      : 'Another owner held the project lock, or two replicas raced for it; a race can leave ' +
        'the project in the stale-lock loop.';
  return {
    rule: 'stale-lock-409',
    source: 'contract',
    message: `Enqueues were refused with 409 (a task already running for the project). ${loop}`,
    changes: {},
    evidence,
  };
}

/** Tasks that never left `pending`: the Celery worker's state writes never reach the API. */
export function celeryPendingAdvice(results: RunResults): Advice | null {
  const stuck = results.runs.filter(
    (run) => run.outcome === 'timeout' && run.last_status === 'pending',
  );
  if (stuck.length === 0) return null;
  const celery = results.runs.filter((run) => run.execution_mode === 'celery').length;
  const timeouts = results.status_counts.timeout;
  const steps = stepHistogram(stuck);
  return {
    rule: 'celery-pending',
    source: 'contract',
    message:
      'Tasks timed out still pending: in Celery mode the worker runs the pipeline but its ' +
      'status writes never reach the API, so pollers wait until they time out even when the ' +
      "theory was saved. Switch to local mode (the runbook's rollback) to measure the pipeline.",
    changes: { THEORY_USE_CELERY: 'false' },
    evidence: [
      `${formatCount(stuck.length)} of ${plural(timeouts, 'timeout')} last saw status pending ` +
        `(${steps})`,
      `${formatCount(celery)} of ${plural(results.users, 'user')} got execution_mode celery`,
    ],
  };
}

/** Many tasks failed CANCELED: a graceful shutdown or redeploy cancels in-flight local tasks. */
export function canceledAdvice(results: RunResults): Advice | null {
  const canceled = distinctTaskRuns(
    results.runs,
    (run) => run.outcome === 'failed' && run.error_code === 'CANCELED',
  );
  if (canceled.length < CANCELED_MIN_TASKS) return null;

  const evidence = [`${plural(canceled.length, 'task')} failed with error_code CANCELED`];
  const endsMs = canceled.map((run) => run.end_ms).filter((endMs) => endMs !== null);
  if (endsMs.length > 1) {
    const spanMs = Math.max(...endsMs) - Math.min(...endsMs);
    const firstIso = new Date(Math.min(...endsMs)).toISOString();
    evidence.push(`their users ended within ${formatMs(spanMs)}, from ${firstIso}`);
  }
  return {
    rule: 'canceled-tasks',
    source: 'contract',
    message:
      'The backend restarted or was redeployed during the run: a graceful shutdown marks ' +
      'in-flight tasks failed/CANCELED. Check replica and revision events at that time and ' +
      'run again; these failures say nothing about capacity.',
    changes: {},
    evidence,
  };
}

/** unsupported_parameter in tasks or logs: each switch spends one of the wrapper's attempts. */
export function unsupportedAdvice(scan: UnsupportedScan): Advice | null {
  if (scan.total === 0) return null;
  const params = [...new Set(scan.messages.map((entry) => entry.param).filter((p) => p !== null))];
  const named = params.length > 0 ? ` (${params.join(', ')})` : '';
  const evidence = [`${plural(scan.total, 'occurrence')} of unsupported_parameter`];
  for (const entry of scan.messages.slice(0, MESSAGES_CITED)) {
    const share = formatPercent(entry.count / scan.total);
    evidence.push(`${formatCount(entry.count)}x (${share}) ${entry.form}: "${entry.message}"`);
  }
  return {
    rule: 'unsupported-parameter',
    source: 'contract',
    message:
      `The model rejects request parameters${named}. The backend switches or drops them and ` +
      'retries, but each switch spends one of its three attempts, and when they run out the ' +
      'task fails as "returned empty choices". Fix the parameters sent to this model.',
    changes: {},
    evidence,
  };
}
