// The next value of each tuning knob. The runbook gives one step per rule (section 5); when the
// backend already took it, the advice names the step after it, or says the knob is spent.
import type { BackendProfile, ProfileKey } from './backend-profile';

export interface KnobStep {
  key: ProfileKey;
  current: number;
  /** null: the knob is exhausted in this direction. */
  next: number | null;
  /** One clause for the advice message. */
  text: string;
}

type StepRule = (current: number) => number | null;

// Past the runbook's 30/20 the pool grows in steps of 10; the database's max_connections is the
// real ceiling, which the advice text points at.
const POOL_STEP = 10;

const RULES: Record<ProfileKey, StepRule> = {
  THEORY_LOCAL_MAX_CONCURRENT_TASKS: (current) => (current > 1 ? Math.floor(current) - 1 : null),
  THEORY_STATUS_POLL_HINT_SECONDS: (current) =>
    current < 6 ? 6 : current < 8 ? Math.floor(current) + 1 : null,
  DB_POOL_SIZE: (current) => (current < 30 ? 30 : current + POOL_STEP),
  DB_MAX_OVERFLOW: (current) => (current < 20 ? 20 : current + POOL_STEP),
  CODING_FRAGMENT_CONCURRENCY: (current) =>
    current > 6 ? 6 : current > 1 ? Math.max(1, current - 2) : null,
  THEORY_INTERVIEW_CONCURRENCY: (current) => (current > 2 ? 2 : current > 1 ? 1 : null),
};

const EXHAUSTED_WHY: Partial<Record<ProfileKey, string>> = {
  THEORY_LOCAL_MAX_CONCURRENT_TASKS: 'one pipeline at a time per replica already',
  THEORY_STATUS_POLL_HINT_SECONDS: "the runbook's range ends at 8 s",
  CODING_FRAGMENT_CONCURRENCY: 'one LLM call per interview already',
  THEORY_INTERVIEW_CONCURRENCY: 'one interview at a time already',
};

/** The next step of `key` from the profile's current value. */
export function nextStep(profile: BackendProfile, key: ProfileKey): KnobStep {
  const current = profile[key];
  const next = RULES[key](current);
  if (next === null) {
    const why = EXHAUSTED_WHY[key] ?? 'no further step';
    return { key, current, next, text: `${key} is exhausted at ${current} (${why})` };
  }
  const verb = next > current ? 'raise' : 'lower';
  const range = key === 'THEORY_STATUS_POLL_HINT_SECONDS' && current < 6 ? ' (runbook: 6-8)' : '';
  return { key, current, next, text: `${verb} ${key} from ${current} to ${next}${range}` };
}

/** The changes a set of steps asks for, leaving out exhausted knobs. */
export function changesOf(steps: readonly KnobStep[]): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const step of steps) {
    if (step.next !== null) changes[step.key] = String(step.next);
  }
  return changes;
}
