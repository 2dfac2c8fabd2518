// The types every part of theory-load speaks. One record format travels the whole way:
// flow -> test attachment -> reporter -> results JSON -> verdict, advice, HTML, comparison.
// Field names are snake_case because they are the results JSON's own keys; a field added here
// reaches the end without a translation layer.

/**
 * How a virtual user ended. The first seven keep the runbook script's names and meaning; the
 * last two exist so that no user is ever dropped from `status_counts`.
 */
export const OUTCOMES = [
  'completed',
  'failed',
  'timeout',
  'enqueue_failed',
  'enqueue_invalid',
  'status_failed',
  'exception',
  // Started but never reached an outcome: test timeout, worker crash, interrupted run, lost shard.
  'unfinished',
  // Never started: the run was aborted, interrupted or cut short before the user's slot came.
  'not_started',
] as const;

export type Outcome = (typeof OUTCOMES)[number];

export type RequestKind = 'enqueue' | 'poll';

/** One HTTP request as the client saw it. */
export interface RequestSample {
  kind: RequestKind;
  /** Epoch milliseconds (performance.timeOrigin + performance.now()): one timeline per machine. */
  start_ms: number;
  duration_ms: number;
  /** HTTP status, or null when no answer arrived (reset, timeout, refused). */
  status: number | null;
  /** Transport error or unexpected answer, already scrubbed of secrets. */
  error: string | null;
  /** True for the single resend after a keep-alive race on a poll. */
  retry: boolean;
  /** The server's own handling time from `Server-Timing`, when it sent one. */
  server_ms: number | null;
}

/** One virtual user's journey: enqueue once, poll until terminal, timeout or error. */
export interface UserRecord {
  /** 0-based user index over the whole run (all shards). */
  user: number;
  project_id: string;
  /** 1-based shard that ran this user; 1 when the run was not sharded. */
  shard: number;
  outcome: Outcome;
  task_id: string | null;
  /** HTTP status of the answer that decided a non-success outcome, when there was one. */
  http_status: number | null;
  error_code: string | null;
  error: string | null;
  /** Duration of the answered enqueue POST; null when it got no answer. */
  enqueue_ms: number | null;
  /** From the user's actual start to its outcome; null when it never ended. */
  total_ms: number | null;
  polls: number;
  /** The 202 said `reused: true`: this user shares another user's task. */
  reused: boolean;
  execution_mode: string | null;
  /** Last task state seen, for diagnosis (a task stuck in `pending` says the backend is in Celery mode). */
  last_status: string | null;
  last_step: string | null;
  last_progress: number | null;
  /** Epoch ms: when the schedule said the user starts, when it really did, and when it ended. */
  scheduled_start_ms: number;
  actual_start_ms: number | null;
  end_ms: number | null;
  requests: RequestSample[];
}

/** The settings a run used, as written to the results JSON: everything but the token. */
export interface PublicSettings {
  base_url: string;
  simulator: boolean;
  project_ids: string[];
  users: number;
  spawn_interval_s: number;
  poll_interval_s: number;
  pipeline_timeout_s: number;
  request_timeout_s: number;
  insecure: boolean;
  enqueue_body: unknown;
  output: string;
  groups: number;
  /** Epoch ms of user 0's scheduled start. */
  start_at_ms: number;
}

/** What one load test (a group of users in one worker) attaches for the reporter. */
export interface GroupAttachment {
  format: 'theory-load-records/1';
  shard: { current: number; total: number };
  group: number;
  /** Every user this test was responsible for, finished or not. */
  users: number[];
  /** Why this test stopped starting users (abort on failure), or null. */
  aborted: string | null;
  settings: PublicSettings;
  records: UserRecord[];
}

/** Name and content type of the attachment that carries a GroupAttachment. */
export const RECORDS_ATTACHMENT = 'theory-load-records.json';
export const RECORDS_CONTENT_TYPE = 'application/json';

/** Count, extremes, mean and percentiles of raw values; all null when there are none. */
export interface LatencyStats {
  count: number;
  min: number | null;
  avg: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export type StatusCounts = Record<Outcome, number>;

export interface ErrorEntry {
  user: number;
  task_id: string | null;
  /** The runbook script's `status`: the outcome. */
  status: Outcome;
  http_status: number | null;
  /** The backend's `error_code` for a failed pipeline, when it sent one. */
  error_code: string | null;
  /**
   * Never null or empty: when the user left no error text, one is written from what is known
   * ("HTTP 500 with no detail"), unlike the runbook script whose timeouts printed "".
   */
  error: string;
}

export interface ProjectBreakdown {
  project_id: string;
  users: number;
  status_counts: StatusCounts;
  enqueue_ms: LatencyStats;
  total_ms: LatencyStats;
}

/** One of the runbook's acceptance criteria as measured on a run. */
export interface CriterionResult {
  /**
   * Stable id: `enqueue_p95_ms`, `completed_ratio`, `failed_timeout_ratio` or
   * `unsupported_parameter`.
   */
  name: string;
  /** The measured value in the unit the name carries; null when there was nothing to measure. */
  value: number | null;
  /** The bound as a person reads it, e.g. "< 1500 ms" or ">= 95 %". */
  bound: string;
  /** null when not judged: nothing to measure, or a single shard leaves it to the merge. */
  passed: boolean | null;
  /** One sentence on what was counted, or why the criterion was not judged. */
  detail?: string;
}

/** A distinct `unsupported_parameter` message, with ids and numbers masked so repeats group. */
export interface UnsupportedMessage {
  message: string;
  /** `provider`: unsupported_parameter or _value; `self_healing`: "rejected <param> - ...". */
  form: 'provider' | 'self_healing';
  /** The parameter the model rejected, when the text names it. */
  param: string | null;
  count: number;
  /** The first few task ids seen with it. */
  task_ids: string[];
}

/** Where `unsupported_parameter` showed up: failed tasks (one per task) and backend log lines. */
export interface UnsupportedReport {
  total: number;
  in_tasks: number;
  in_logs: number;
  /** LOAD_BACKEND_LOGS as given (files or globs); empty when the logs were not scanned. */
  log_patterns: string[];
  messages: UnsupportedMessage[];
}

export interface Verdict {
  /** true or false when judged; null when the run could not be judged or a shard defers. */
  passed: boolean | null;
  judged: boolean;
  /**
   * A single shard of a sharded run: the merge (`npm run merge`) judges the whole run. This and
   * `unsupported` are always written by judgeRun; optional only for results saved before them.
   */
  deferred?: boolean;
  /** Why the run was not judged, or null. */
  reason: string | null;
  criteria: CriterionResult[];
  warnings: string[];
  unsupported?: UnsupportedReport;
}

/** One piece of tuning advice, driven by what the run measured. */
export interface Advice {
  /** Stable id, e.g. `timeouts` or `stale-lock-409`. */
  rule: string;
  /** The runbook's tuning rules, or a trap described in the API contract (absent in old files). */
  source?: 'runbook' | 'contract';
  message: string;
  /** Backend settings to change, with concrete next values; empty when no knob applies. */
  changes: Record<string, string>;
  /** The figures that triggered the advice: counts, percentiles, messages. */
  evidence: string[];
}

/** The results JSON written to LOAD_OUTPUT. */
export interface RunResults {
  format: 'theory-load-results/1';
  /** True when some users never finished or some shards are missing; see partial_reasons. */
  partial: boolean;
  partial_reasons: string[];
  interrupted: boolean;
  aborted: boolean;

  // The runbook script's keys.
  users: number;
  projects: string[];
  status_counts: StatusCounts;
  enqueue_ms: LatencyStats;
  total_ms: LatencyStats;
  errors: ErrorEntry[];
  wall_time_seconds: number;

  // Beyond the runbook.
  poll_ms: LatencyStats;
  schedule_lag_ms: LatencyStats;
  requests: number;
  reused_users: number;
  distinct_tasks: number;
  per_project: ProjectBreakdown[];
  started_at: string | null;
  ended_at: string | null;
  shards_merged: number;
  shard: { current: number; total: number } | null;
  percentile_method: string;
  settings: PublicSettings | null;
  verdict?: Verdict;
  advice?: Advice[];
  runs: UserRecord[];
}
