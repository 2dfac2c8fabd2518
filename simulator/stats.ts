// Ground truth: what the simulator itself saw, so a test can hold a client's figures against
// it. Counters only grow (a restart forgets tasks, not what happened to them); gauges such as
// "running now" are read from the live components when a snapshot is taken.

import type { PoolGauges } from './db-pool';
import type { LlmGauges } from './llm-provider';
import type { SemaphoreGauges } from './semaphore';

export type StatsRoute = 'enqueue' | 'status' | 'cancel' | 'health' | 'other';

export const STATS_ROUTES: readonly StatsRoute[] = [
  'enqueue',
  'status',
  'cancel',
  'health',
  'other',
];

export type FaultKind = 'http' | 'delayed' | 'reset' | 'malformed' | 'missing_task_id';

export interface SimStats {
  started_at: string;
  uptime_seconds: number;
  restarts: number;

  requests: {
    total: number;
    /** Route -> HTTP status as a string (or "reset": destroyed without an answer) -> count. */
    by_route: Record<StatsRoute, Record<string, number>>;
  };

  tasks: {
    created: number;
    reused_replies: number;
    /** Tasks the simulator currently remembers; a restart empties it. */
    live: number;
    /** completed/failed/canceled count every ending; running/pending are the tasks right now. */
    by_outcome: {
      completed: number;
      failed: number;
      canceled: number;
      running: number;
      pending: number;
    };
    /** Every failed ending by error_code, CANCELED included (it is a failed status too). */
    failed_by_error_code: Record<string, number>;
  };

  running_pipelines: number;
  peak_running_pipelines: number;
  semaphore_waiters: number;
  peak_semaphore_waiters: number;

  llm: {
    calls: number;
    rate_limited: number;
    in_flight: number;
    peak_in_flight: number;
    limit: number;
  };
  db: {
    capacity: number;
    in_use: number;
    peak_in_use: number;
    waiters: number;
    peak_waiters: number;
    pool_timeouts: number;
  };

  unsupported_parameter_logged: number;
  faults: Record<FaultKind, number> & { expired_tokens: number };
}

export interface LiveGauges {
  semaphore: SemaphoreGauges;
  pool: PoolGauges;
  llm: LlmGauges;
  liveTasks: number;
  runningTasks: number;
  pendingTasks: number;
}

export class StatsCounter {
  private readonly startedAtMs = Date.now();
  private restarts = 0;
  private requestsTotal = 0;
  private readonly byRoute = Object.fromEntries(
    STATS_ROUTES.map((route) => [route, {} as Record<string, number>]),
  ) as Record<StatsRoute, Record<string, number>>;
  private created = 0;
  private reusedReplies = 0;
  private readonly endings = { completed: 0, failed: 0, canceled: 0 };
  private readonly failedByErrorCode: Record<string, number> = {};
  private unsupportedLogged = 0;
  private readonly faults = {
    http: 0,
    delayed: 0,
    reset: 0,
    malformed: 0,
    missing_task_id: 0,
    expired_tokens: 0,
  };

  recordAnswer(route: StatsRoute, status: number | 'reset'): void {
    const counts = this.byRoute[route];
    const key = String(status);
    counts[key] = (counts[key] ?? 0) + 1;
    this.requestsTotal += 1;
  }

  taskCreated(): void {
    this.created += 1;
  }

  reusedReply(): void {
    this.reusedReplies += 1;
  }

  taskEnded(errorCode: string | null): void {
    if (errorCode === null) {
      this.endings.completed += 1;
      return;
    }
    if (errorCode === 'CANCELED') this.endings.canceled += 1;
    else this.endings.failed += 1;
    this.failedByErrorCode[errorCode] = (this.failedByErrorCode[errorCode] ?? 0) + 1;
  }

  fault(kind: FaultKind | 'expired_tokens'): void {
    this.faults[kind] += 1;
  }

  unsupportedParameterLogged(): void {
    this.unsupportedLogged += 1;
  }

  restarted(): void {
    this.restarts += 1;
  }

  /** A fresh, detached object: later requests do not change a snapshot already handed out. */
  snapshot(gauges: LiveGauges): SimStats {
    const byRoute = Object.fromEntries(
      STATS_ROUTES.map((route) => [route, { ...this.byRoute[route] }]),
    ) as Record<StatsRoute, Record<string, number>>;
    const { semaphore, pool, llm } = gauges;
    return {
      started_at: new Date(this.startedAtMs).toISOString(),
      uptime_seconds: (Date.now() - this.startedAtMs) / 1000,
      restarts: this.restarts,
      requests: { total: this.requestsTotal, by_route: byRoute },
      tasks: {
        created: this.created,
        reused_replies: this.reusedReplies,
        live: gauges.liveTasks,
        by_outcome: { ...this.endings, running: gauges.runningTasks, pending: gauges.pendingTasks },
        failed_by_error_code: { ...this.failedByErrorCode },
      },
      running_pipelines: semaphore.inUse,
      peak_running_pipelines: semaphore.peakInUse,
      semaphore_waiters: semaphore.waiting,
      peak_semaphore_waiters: semaphore.peakWaiting,
      llm: {
        calls: llm.calls,
        rate_limited: llm.rateLimited,
        in_flight: llm.inFlight,
        peak_in_flight: llm.peakInFlight,
        limit: llm.limit,
      },
      db: {
        capacity: pool.capacity,
        in_use: pool.inUse,
        peak_in_use: pool.peakInUse,
        waiters: pool.waiting,
        peak_waiters: pool.peakWaiting,
        pool_timeouts: pool.timeouts,
      },
      unsupported_parameter_logged: this.unsupportedLogged,
      faults: { ...this.faults },
    };
  }
}
