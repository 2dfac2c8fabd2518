// The custom reporter: gathers the user records that the load tests attached, accounts for
// every user that should have run, and writes the results JSON plus a console summary. It works
// the same during a run, for one shard, and in `merge-reports` over many shards' blobs, because
// everything it needs travels in attachments and annotations.
import { readFileSync } from 'node:fs';

import createDebug from 'debug';

import { collectRecords } from '../src/collect';
import { readJudgeSettings } from '../src/judge/settings';
import { RECORDS_ATTACHMENT } from '../src/records';
import { createRedactor } from '../src/redact';
import { aggregateRuns } from '../src/results';
import { USERS_ANNOTATION } from '../src/run-plan';
import { parseUserList } from '../src/schedule';
import { DEFAULT_OUTPUT, readSettings, toPublicSettings } from '../src/settings';
import { exitWith, judgeResults } from './judge-run';
import { watchProgress } from './progress-watch';
import { scrubError, scrubErrors } from './scrub-errors';
import { writeRunOutputs } from './write-outputs';

import type { CollectMode, Collected } from '../src/collect';
import type { GroupAttachment, PublicSettings } from '../src/records';
import type { ProgressWatch } from './progress-watch';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';

const debug = createDebug('theory-load:reporter');

export interface LoadReporterOptions {
  /** Where the results JSON goes when LOAD_OUTPUT is unset. */
  outputFile?: string;
}

export default class LoadReporter implements Reporter {
  private config: FullConfig | null = null;
  private expectedUsers: number[] = [];
  private readonly attachments = new Map<string, GroupAttachment>();
  private readonly harnessErrors: string[] = [];
  private readonly localSettings = readOrNull(readSettings);
  private readonly judgeSettings = readOrNull(readJudgeSettings);
  private readonly redact = createRedactor(this.localSettings ? [this.localSettings.token] : []);
  private progress: ProgressWatch | null = null;
  private firstResult: TestResult | null = null;
  private testsBegan = 0;

  constructor(private readonly options: LoadReporterOptions = {}) {}

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config;
    // Prints only once the global setup has named a progress folder, so a merge stays quiet.
    this.progress = watchProgress(process.stdout);
    for (const test of suite.allTests()) {
      for (const annotation of test.annotations) {
        if (annotation.type === USERS_ANNOTATION && annotation.description) {
          this.expectedUsers.push(...parseUserList(annotation.description));
        }
      }
    }
  }

  onTestBegin(): void {
    this.testsBegan++;
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    scrubError(step.error, this.redact);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.firstResult ??= result;
    scrubErrors(result.errors, this.redact);
    scrubError(result.error, this.redact);
    for (const attachment of result.attachments) {
      if (attachment.name !== RECORDS_ATTACHMENT) continue;
      const text = attachment.body?.toString('utf8') ?? readFileSync(attachment.path ?? '', 'utf8');
      // The last attempt of a test wins; retries are off, but a user may still turn them on.
      this.attachments.set(test.id, JSON.parse(text) as GroupAttachment);
    }
    if (result.status === 'failed') {
      const message = result.errors.map((error) => error.message ?? '').join('\n');
      this.harnessErrors.push(this.redact(`${test.title}: ${message}`));
    }
  }

  /** Runs after every worker has stopped: nothing can write progress any more. */
  async onExit(): Promise<void> {
    this.progress?.removeFolder();
  }

  onError(error: TestError): void {
    scrubError(error, this.redact);
    this.harnessErrors.push(error.message ?? 'unknown error');
  }

  async onEnd(result: FullResult): Promise<void> {
    this.progress?.stop();
    // `--list` and an empty --grep run nothing: there is no run to report, and no file to write.
    if (this.testsBegan === 0 && this.attachments.size === 0 && result.status === 'passed') return;

    const mode = this.mode();
    const collected = collectRecords({
      attachments: [...this.attachments.values()],
      expectedUsers: this.expectedUsers,
      mode,
      fallbackSettings: this.fallbackSettings(),
    });
    this.noteHarnessProblems(result, collected.missingShards);
    const aggregated = aggregateRuns(collected.records, {
      settings: collected.settings,
      shard: mode === 'shard' ? (this.config?.shard ?? null) : null,
      shardsMerged: collected.shardsMerged,
      interrupted: result.status === 'interrupted',
      aborted: collected.abortReason !== null,
      partialReasons: this.partialReasons(result, collected),
    });
    debug('%s: %d users, %d attachments', mode, aggregated.users, this.attachments.size);

    const judged = await judgeResults(aggregated, this.judgeSettings, this.harnessErrors);
    exitWith(judged.exitCode);
    const written = await writeRunOutputs(judged.results, {
      outputPath: this.outputPath(collected.settings),
      redact: this.redact,
      harnessErrors: this.harnessErrors,
    });
    // The HTML reporter builds its report after this onEnd, from these same result objects,
    // so an attachment added here lands in Playwright's report next to the first group.
    this.firstResult?.attachments.push({
      name: 'summary.html',
      contentType: 'text/html',
      path: written.summaryHtmlPath,
    });
  }

  /** Failures of the harness rather than the backend: the figures cannot be judged on. */
  private noteHarnessProblems(result: FullResult, missingShards: readonly number[]): void {
    // A test that failed or timed out, or a run that did: users were cut off by the harness.
    if (result.status !== 'passed' && result.status !== 'interrupted') {
      this.harnessErrors.push(`Playwright ended the run as ${result.status}`);
    }
    // A merge missing whole shards measured only part of the run.
    if (missingShards.length > 0) {
      const shards = missingShards.join(', ');
      this.harnessErrors.push(`no blob report from shard ${shards}: merge all shards' blobs`);
    }
  }

  private partialReasons(result: FullResult, collected: Collected): string[] {
    const reasons = [...collected.partialReasons];
    if (result.status === 'timedout') reasons.push('the run hit its global timeout');
    if (collected.abortReason !== null) reasons.push(collected.abortReason);
    if (this.harnessErrors.length > 0) reasons.push('the harness reported errors');
    return reasons;
  }

  private mode(): CollectMode {
    const shard = this.config?.shard;
    if (shard && shard.total > 1) return 'shard';
    const sharded = [...this.attachments.values()].some((a) => a.shard.total > 1);
    return sharded ? 'merge' : 'run';
  }

  private fallbackSettings(): PublicSettings | null {
    const settings = this.localSettings;
    if (settings === null) return null;
    return toPublicSettings(settings, settings.startAtMs ?? Number(process.env.LOAD_START_AT ?? 0));
  }

  /** LOAD_OUTPUT, then the reporter option, then what the run itself was told. */
  private outputPath(settings: PublicSettings | null): string {
    return (
      process.env.LOAD_OUTPUT?.trim() ||
      this.options.outputFile ||
      settings?.output ||
      DEFAULT_OUTPUT
    );
  }
}

/**
 * The reporter's own view of a setting family, or null when this environment has none that
 * validate: a merge on another machine may have none, and judges with what it has.
 */
function readOrNull<T>(read: (env: NodeJS.ProcessEnv) => T): T | null {
  try {
    return read(process.env);
  } catch {
    return null;
  }
}
