// The runbook's three tuning rules (section 5), each fired by what the run measured and each
// naming the next value of its knobs from the backend's current profile.
import { formatCount, formatMs, formatPercent, plural } from '../format';
import { changesOf, nextStep } from './knob-steps';
import {
  bareEnqueue500s,
  enqueueThirds,
  poolErrors,
  rateLimitSignals,
  stepHistogram,
  timeoutThirds,
} from './run-signals';
import { normalizeMessage } from './unsupported-scan';

import type { BackendProfile } from './backend-profile';
import type { Advice, RunResults } from '../records';

// Total time this close to the pipeline timeout means timeouts are about to start.
const NEAR_TIMEOUT_SHARE = 0.8;
// Enqueue latency "growing": the last third's median at least doubles the first third's, by a
// margin no scheduler jitter explains.
const GROWTH_FACTOR = 2;
const GROWTH_MIN_MS = 200;

/** Rule 1: pipelines time out, or are about to. Tasks stuck in `pending` are another trap. */
export function timeoutAdvice(results: RunResults, profile: BackendProfile): Advice | null {
  const timedOut = results.runs.filter(
    (run) => run.outcome === 'timeout' && run.last_status !== 'pending',
  );
  const timeoutS = results.settings?.pipeline_timeout_s ?? null;
  const p95Ms = results.total_ms.p95;
  const nearTimeout =
    timeoutS !== null && p95Ms !== null && p95Ms >= NEAR_TIMEOUT_SHARE * timeoutS * 1000;
  if (timedOut.length === 0 && !nearTimeout) return null;

  const evidence: string[] = [];
  if (timedOut.length > 0) {
    const count = formatCount(timedOut.length);
    const share = formatPercent(timedOut.length / results.users);
    evidence.push(`${count} of ${plural(results.users, 'user')} timed out (${share})`);
    evidence.push(`last seen at: ${stepHistogram(timedOut)}`);
  }
  const thirds = timeoutThirds(results.runs);
  if (thirds !== null && timedOut.length > 0) {
    evidence.push(
      `timeouts by schedule: ${formatCount(thirds.first)} in the first third, ` +
        `${formatCount(thirds.last)} in the last`,
    );
  }
  if (timeoutS !== null && p95Ms !== null) {
    const timeoutMs = timeoutS * 1000;
    const share = formatPercent(p95Ms / timeoutMs);
    evidence.push(
      `total p95 ${formatMs(p95Ms)} is ${share} of the ${formatMs(timeoutMs)} pipeline timeout`,
    );
  }

  const steps = [
    nextStep(profile, 'THEORY_LOCAL_MAX_CONCURRENT_TASKS'),
    nextStep(profile, 'THEORY_STATUS_POLL_HINT_SECONDS'),
  ];
  const stepsText = asSentence(steps.map((step) => step.text));
  const message =
    'Pipelines run out of time: fewer pipelines at once per replica each finish sooner, and ' +
    `a longer poll hint takes status load off the API. ${stepsText}`;
  return { rule: 'timeouts', source: 'runbook', message, changes: changesOf(steps), evidence };
}

/** Rule 2: bare 500s on enqueue, pool errors, or enqueue latency high or growing. */
export function databaseAdvice(
  results: RunResults,
  profile: BackendProfile,
  maxEnqueueP95Ms: number,
): Advice | null {
  const bare500s = bareEnqueue500s(results.runs);
  const pool = poolErrors(results.runs);
  const p95Ms = results.enqueue_ms.p95;
  const high = p95Ms !== null && p95Ms >= maxEnqueueP95Ms;
  const thirds = enqueueThirds(results.runs);
  const growing =
    thirds !== null &&
    thirds.lastP50Ms >= GROWTH_FACTOR * thirds.firstP50Ms &&
    thirds.lastP50Ms - thirds.firstP50Ms >= GROWTH_MIN_MS;
  if (bare500s === 0 && pool === 0 && !high && !growing) return null;

  const evidence: string[] = [];
  if (bare500s > 0) evidence.push(`${plural(bare500s, 'enqueue')} answered a bare HTTP 500`);
  if (pool > 0) evidence.push(`${plural(pool, 'user')} saw a database pool error`);
  if (p95Ms !== null) {
    const versus = high ? '>=' : '<';
    evidence.push(`enqueue p95 ${formatMs(p95Ms)} ${versus} ${formatMs(maxEnqueueP95Ms)}`);
  }
  if (thirds !== null) {
    const users = formatCount(thirds.users);
    evidence.push(
      `enqueue p50 ${formatMs(thirds.firstP50Ms)} in the first ${users} users by ` +
        `schedule, ${formatMs(thirds.lastP50Ms)} in the last ${users} ` +
        `(p95 ${formatMs(thirds.firstP95Ms)} -> ${formatMs(thirds.lastP95Ms)})`,
    );
  }

  const steps = [nextStep(profile, 'DB_POOL_SIZE'), nextStep(profile, 'DB_MAX_OVERFLOW')];
  const beyondRunbook = profile.DB_POOL_SIZE >= 30 && profile.DB_MAX_OVERFLOW >= 20;
  const ceiling = beyondRunbook
    ? " This is past the runbook's 30/20: check that (pool + overflow) x replicas stays under " +
      "the database's max_connections."
    : '';
  const stepsText = asSentence(steps.map((step) => step.text));
  const message =
    'The database pool runs short: a running pipeline holds a connection from load_project ' +
    `to save_theory, so new enqueues wait for one. ${stepsText}${ceiling}`;
  return { rule: 'db-pool', source: 'runbook', message, changes: changesOf(steps), evidence };
}

/** Rule 3: 429s or other signs that the LLM provider is saturated. */
export function rateLimitAdvice(
  results: RunResults,
  profile: BackendProfile,
  unsupportedTotal: number,
): Advice | null {
  const signals = rateLimitSignals(results.runs);
  if (signals.rateLimited === 0 && signals.answered429 === 0 && signals.saturated === 0) {
    return null;
  }

  const evidence: string[] = [];
  if (signals.rateLimited > 0) {
    evidence.push(`${plural(signals.rateLimited, 'error')} mentioning a 429 or a rate limit`);
  }
  if (signals.answered429 > 0) {
    evidence.push(`${plural(signals.answered429, 'request')} answered HTTP 429`);
  }
  if (signals.saturated > 0) {
    evidence.push(
      `${plural(signals.saturated, 'failed pipeline')} ended in an LLM timeout, empty ` +
        'choices or failed embeddings',
    );
  }
  if (signals.emptyChoices > 0 && unsupportedTotal > 0) {
    evidence.push(
      'empty choices can also come from unsupported-parameter switching (see that advice)',
    );
  }
  for (const example of signals.examples) evidence.push(`e.g. "${normalizeMessage(example)}"`);

  const steps = [
    nextStep(profile, 'CODING_FRAGMENT_CONCURRENCY'),
    nextStep(profile, 'THEORY_INTERVIEW_CONCURRENCY'),
  ];
  const spent = steps.every((step) => step.next === null)
    ? ' Both knobs are spent: ask the provider for more quota, or lower ' +
      'THEORY_LOCAL_MAX_CONCURRENT_TASKS.'
    : '';
  const message =
    'The LLM provider is saturated: fewer parallel LLM calls per task keep under its rate ' +
    `limit. ${asSentence(steps.map((step) => step.text))}${spent}`;
  return {
    rule: 'llm-rate-limit',
    source: 'runbook',
    message,
    changes: changesOf(steps),
    evidence,
  };
}

// Clauses joined by semicolons into one sentence: capital first letter, full stop.
function asSentence(clauses: readonly string[]): string {
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
