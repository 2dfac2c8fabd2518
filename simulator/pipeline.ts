// One task's run through the simulated pipeline, as timers. The order of events follows the
// backend: the task shows running/pipeline_start/2 *before* it waits for a semaphore slot, takes
// a DB connection at load_project and holds it until save_theory commits, and keeps its LLM
// calls in flight from auto_code to the end of identify_central_category.

import { moveTask } from './task';
import { CANCELED_TEXT, canceledLogLine, poolTimeoutError, rateLimitedError } from './messages';
import { buildResult } from './result';

import type { DbPool } from './db-pool';
import type { LlmProvider } from './llm-provider';
import type { Random } from './random';
import type { Semaphore } from './semaphore';
import type { SimSettings } from './settings';
import type { SimLog } from './sim-log';
import type { Task, TaskStatus } from './task';

export interface PipelineContext {
  settings: SimSettings;
  semaphore: Semaphore;
  pool: DbPool;
  llm: LlmProvider;
  log: SimLog;
  resultRandom: Random;
  nextVersion(projectId: string): number;
  onStatusChange(from: TaskStatus, to: TaskStatus): void;
  onEnded(task: Task): void;
  onUnsupportedLogged(): void;
}

/** What was drawn for this run at enqueue, so the outcome does not depend on timing. */
export interface PipelinePlan {
  failure: string | undefined;
  unsupportedLine: string | undefined;
}

// The steps after load_project, each taking an equal share of the planned pipeline time; the
// last share ends in `completed`. auto_code appears twice because its progress rises 25 -> 40
// as interviews finish while the step name stays.
const STEPS: ReadonlyArray<readonly [string, number]> = [
  ['load_categories', 10],
  ['auto_code', 25],
  ['auto_code', 40],
  ['neo4j_taxonomy_sync', 45],
  ['network_metrics', 60],
  ['semantic_evidence', 70],
  ['identify_central_category', 80],
  ['build_straussian_paradigm', 87],
  ['analyze_saturation_and_gaps', 93],
  ['save_theory', 97],
];

export class PipelineRun {
  private pickupTimer: NodeJS.Immediate | undefined;
  private stepTimer: NodeJS.Timeout | undefined;
  private leaveSemaphoreQueue: () => void = () => {};
  private leavePoolQueue: () => void = () => {};
  private holdsSlot = false;
  private holdsConnection = false;
  private llmCallsInFlight = 0;
  private nextStep = 0;
  private ended = false;

  constructor(
    readonly task: Task,
    private readonly context: PipelineContext,
    private readonly plan: PipelinePlan,
  ) {}

  start(): void {
    // "pending" lasts only until the event loop picks the task up, as in local mode.
    this.pickupTimer = setImmediate(() => {
      this.pickupTimer = undefined;
      this.move('running', 'pipeline_start', 2);
      this.leaveSemaphoreQueue = this.context.semaphore.acquire(() => this.slotGranted());
    });
  }

  /** Cancel by user, shutdown or restart: all end as failed/canceled/CANCELED. */
  cancel(): void {
    if (this.ended) return;
    this.context.log.write(canceledLogLine(this.task.taskId));
    this.finish('failed', 'canceled', CANCELED_TEXT, 'CANCELED');
  }

  private slotGranted(): void {
    this.holdsSlot = true;
    this.move('running', 'load_project', 5);
    const { settings } = this.context;
    this.leavePoolQueue = this.context.pool.acquire(
      () => {
        this.holdsConnection = true;
        this.scheduleNextStep();
      },
      () => {
        const message = poolTimeoutError(
          settings.dbPoolSize,
          settings.dbMaxOverflow,
          settings.dbPoolTimeoutSeconds,
        );
        this.finish('failed', 'failed', message, 'PIPELINE_ERROR');
      },
    );
  }

  private scheduleNextStep(): void {
    const stepMs = this.task.plannedPipelineMs / (STEPS.length + 1);
    this.stepTimer = setTimeout(() => this.advance(), stepMs);
  }

  private advance(): void {
    this.stepTimer = undefined;
    const { settings, llm } = this.context;
    if (this.nextStep === STEPS.length) {
      this.complete();
      return;
    }
    const [step, progress] = STEPS[this.nextStep];
    this.nextStep += 1;

    if (step === 'auto_code' && progress === 25) {
      const wanted = settings.interviewConcurrency * settings.fragmentConcurrency;
      this.llmCallsInFlight = llm.place(wanted);
      if (this.llmCallsInFlight < wanted) {
        this.finish('failed', 'failed', rateLimitedError(llm.gauges().limit), 'PIPELINE_ERROR');
        return;
      }
    }
    if (step === 'build_straussian_paradigm') {
      this.releaseLlmCalls();
      // SIM_FAIL_RATE failures surface as identify_central_category's answer comes back.
      if (this.plan.failure !== undefined) {
        this.finish('failed', 'failed', this.plan.failure, 'PIPELINE_ERROR');
        return;
      }
    }

    this.move('running', step, progress);
    if (step === 'identify_central_category' && this.plan.unsupportedLine !== undefined) {
      this.context.log.write(this.plan.unsupportedLine);
      this.context.onUnsupportedLogged();
    }
    this.scheduleNextStep();
  }

  private complete(): void {
    const { settings, resultRandom } = this.context;
    const version = this.context.nextVersion(this.task.projectId);
    this.task.result = buildResult(this.task, version, resultRandom, settings.llmModel);
    this.finish('completed', 'completed', null, null);
  }

  private finish(status: TaskStatus, step: string, error: string | null, errorCode: string | null) {
    this.ended = true;
    this.releaseEverything();
    this.task.error = error;
    this.task.errorCode = errorCode;
    this.move(status, step, 100);
    this.context.onEnded(this.task);
  }

  private releaseEverything(): void {
    if (this.pickupTimer !== undefined) clearImmediate(this.pickupTimer);
    if (this.stepTimer !== undefined) clearTimeout(this.stepTimer);
    this.pickupTimer = undefined;
    this.stepTimer = undefined;
    this.leaveSemaphoreQueue();
    this.leavePoolQueue();
    this.releaseLlmCalls();
    // The connection goes back before the slot, so the next waiter finds one at load_project.
    if (this.holdsConnection) this.context.pool.release();
    if (this.holdsSlot) this.context.semaphore.release();
    this.holdsConnection = false;
    this.holdsSlot = false;
  }

  private releaseLlmCalls(): void {
    if (this.llmCallsInFlight > 0) this.context.llm.finish(this.llmCallsInFlight);
    this.llmCallsInFlight = 0;
  }

  private move(status: TaskStatus, step: string, progress: number): void {
    const before = this.task.status;
    moveTask(this.task, status, step, progress);
    if (before !== status) this.context.onStatusChange(before, status);
  }
}
