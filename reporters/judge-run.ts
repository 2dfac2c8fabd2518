// Turns aggregated results into a judged run: the backend log scan (only where the whole run is
// known), the verdict, the advice, and the exit code the process should end with.
import { adviseRun } from '../src/judge/advice';
import { EXIT_NOT_JUDGED, exitCodeFor } from '../src/judge/exit-codes';
import { scanBackendLogs } from '../src/judge/log-files';
import { EMPTY_SCAN } from '../src/judge/unsupported-scan';
import { judgeRun } from '../src/judge/verdict';

import type { ExitCode } from '../src/judge/exit-codes';
import type { JudgeSettings } from '../src/judge/settings';
import type { UnsupportedScan } from '../src/judge/unsupported-scan';
import type { RunResults } from '../src/records';

export interface JudgedRun {
  results: RunResults;
  exitCode: ExitCode;
}

export async function judgeResults(
  results: RunResults,
  settings: JudgeSettings | null,
  harnessErrors: string[],
): Promise<JudgedRun> {
  if (settings === null) return { results, exitCode: EXIT_NOT_JUDGED };
  const wholeRun = results.shard === null || results.shard.total <= 1;

  let logScan: UnsupportedScan = EMPTY_SCAN;
  if (wholeRun && settings.backendLogs.length > 0) {
    try {
      logScan = (await scanBackendLogs(settings.backendLogs)).scan;
    } catch (error) {
      harnessErrors.push(error instanceof Error ? error.message : String(error));
    }
  }

  const verdict = judgeRun(results, settings, logScan);
  // A single shard sees a slice of the run; advice on a slice would be advice on noise.
  const advice = wholeRun
    ? adviseRun(results, settings.backendProfile, logScan, {
        maxEnqueueP95Ms: settings.maxEnqueueP95Ms,
      })
    : [];
  const judged = { ...results, verdict, advice };
  return {
    results: judged,
    exitCode: exitCodeFor({ verdict, harnessBroken: harnessErrors.length > 0 }),
  };
}

/**
 * Playwright ends the process with process.exit(0|1|130) after every reporter is done; an
 * 'exit' listener is the one place that can still set the code without cutting short the HTML
 * reporter or piped output. A non-zero code from Playwright means something broke that no
 * reporter saw, and is never turned into a pass.
 */
export function exitWith(code: ExitCode): void {
  process.once('exit', (playwrightCode: number) => {
    process.exitCode = code === 0 && playwrightCode !== 0 ? EXIT_NOT_JUDGED : code;
  });
}
