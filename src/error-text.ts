// One readable error text per failed user. The runbook's script printed "" for httpx timeouts,
// so its error list could be empty while every user failed; here a user that left no text
// gets one written from its outcome, HTTP status and last task state.
import type { UserRecord } from './records';

/**
 * The error text of a user that did not complete: its own text when it has one, otherwise a
 * sentence built from what the record knows. Never returns an empty string.
 *
 * Complexity: O(r) in the user's request samples. Throws nothing.
 *
 * @param pipelineTimeoutS the run's `LOAD_PIPELINE_TIMEOUT`, or null when the settings are unknown.
 * @example
 * describeUserError({ ...record, outcome: 'enqueue_failed', http_status: 500, error: null }, 1200);
 * // => 'enqueue answered HTTP 500 with no detail'
 */
export function describeUserError(record: UserRecord, pipelineTimeoutS: number | null): string {
  const ownText = record.error?.trim();
  if (ownText) {
    return ownText;
  }

  const sampleText = lastSampleError(record);
  const status = record.http_status;
  switch (record.outcome) {
    case 'completed':
      return 'completed, no error';
    case 'failed':
      return record.error_code
        ? `pipeline failed with error_code ${record.error_code} and no error text`
        : `pipeline failed with no error text or error_code${lastSeen(record)}`;
    case 'timeout':
      return `no terminal status after ${timeoutSeconds(record, pipelineTimeoutS)}${lastSeen(record)}`;
    case 'enqueue_failed':
      return status === null
        ? (sampleText ?? 'enqueue got no answer')
        : `enqueue answered HTTP ${status} with no detail`;
    case 'enqueue_invalid':
      return `enqueue answered HTTP ${status ?? 202} without a task_id`;
    case 'status_failed':
      return status === null
        ? (sampleText ?? 'status poll got no answer')
        : `status poll answered HTTP ${status} with no detail`;
    case 'exception':
      return sampleText ?? 'exception with no message';
    case 'unfinished':
      return `never reached an outcome (test timeout, worker crash or interrupted run)${lastSeen(record)}`;
    case 'not_started':
      return 'never started: the run was aborted first';
  }
}

function lastSampleError(record: UserRecord): string | null {
  for (let index = record.requests.length - 1; index >= 0; index--) {
    const text = record.requests[index].error?.trim();
    if (text) {
      return text;
    }
  }
  return null;
}

function timeoutSeconds(record: UserRecord, pipelineTimeoutS: number | null): string {
  if (pipelineTimeoutS !== null) {
    return `${pipelineTimeoutS} s`;
  }
  if (record.total_ms !== null) {
    return `${Math.round(record.total_ms / 1000)} s`;
  }
  return 'the pipeline timeout';
}

// The last state seen tells a stuck queue (`pending`, Celery mode) from a slow pipeline.
function lastSeen(record: UserRecord): string {
  if (!record.last_status) {
    return '';
  }
  const step = record.last_step ? `, step ${record.last_step}` : '';
  return ` (last status ${record.last_status}${step})`;
}
