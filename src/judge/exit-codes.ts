// The process exit codes of a load run and of a merge. Distinct from Playwright's own 1, which
// also means "crashed before the verdict", so CI can tell a failing backend from a broken run.
import type { Verdict } from '../records';

/** Every criterion passed (or a single shard ran cleanly and left judging to the merge). */
export const EXIT_PASSED = 0;
/** The run was judged and at least one criterion failed: the backend missed the runbook. */
export const EXIT_CRITERIA_FAILED = 2;
/** No verdict: no user finished, the run was interrupted or aborted, or the harness broke. */
export const EXIT_NOT_JUDGED = 3;

/** A setting or flag was wrong: the run refused to start and sent no traffic. */
export const EXIT_BAD_SETTING = 4;

export type ExitCode = typeof EXIT_PASSED | typeof EXIT_CRITERIA_FAILED | typeof EXIT_NOT_JUDGED;

export interface ExitInputs {
  /** null when no verdict could be built (no results at all). */
  verdict: Verdict | null;
  /** A reporter, worker or write failure that makes the figures untrustworthy. */
  harnessBroken: boolean;
}

/**
 * The exit code for a finished run. Harness trouble wins over any verdict because the figures
 * behind it cannot be trusted; a shard that defers to the merge passes unless its harness broke.
 */
export function exitCodeFor({ verdict, harnessBroken }: ExitInputs): ExitCode {
  if (harnessBroken || verdict === null) return EXIT_NOT_JUDGED;
  if (verdict.deferred) return EXIT_PASSED;
  if (!verdict.judged || verdict.passed === null) return EXIT_NOT_JUDGED;
  return verdict.passed ? EXIT_PASSED : EXIT_CRITERIA_FAILED;
}
