// The backend's task side without HTTP: the in-memory task store, the project lock, the shared
// semaphore, DB pool and LLM provider, and the runs in flight. Routes call into it; it never
// sees a request or a response.

import { randomUUID } from 'node:crypto';

import { DbPool } from './db-pool';
import { LlmProvider } from './llm-provider';
import { pipelineFailure, unsupportedParameterLine } from './messages';
import { PipelineRun } from './pipeline';
import { createRandom } from './random';
import { Semaphore } from './semaphore';
import { isFinished, newTask } from './task';

import type { PipelineContext, PipelinePlan } from './pipeline';
import type { SimSettings } from './settings';
import type { SimLog } from './sim-log';
import type { LiveGauges, StatsCounter } from './stats';
import type { Task, TaskRequest } from './task';

export class TaskEngine {
  readonly pool: DbPool;
  private readonly semaphore: Semaphore;
  private readonly llm: LlmProvider;
  private readonly context: PipelineContext;
  private readonly tasks = new Map<string, Task>();
  private readonly runs = new Map<string, PipelineRun>();
  private readonly locks = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly counts = { pending: 0, running: 0 };
  private readonly random;
  private shutDown = false;

  constructor(
    private readonly settings: SimSettings,
    log: SimLog,
    private readonly stats: StatsCounter,
  ) {
    const poolCapacity = settings.dbPoolSize + settings.dbMaxOverflow;
    this.pool = new DbPool(poolCapacity, settings.dbPoolTimeoutSeconds * 1000);
    this.semaphore = new Semaphore(settings.maxConcurrentTasks);
    this.llm = new LlmProvider(settings.llmMaxConcurrentCalls);
    this.random = {
      pipeline: createRandom(settings.seed, 'pipeline'),
      failures: createRandom(settings.seed, 'failures'),
      unsupported: createRandom(settings.seed, 'unsupported'),
    };
    this.context = {
      settings,
      semaphore: this.semaphore,
      pool: this.pool,
      llm: this.llm,
      log,
      resultRandom: createRandom(settings.seed, 'results'),
      nextVersion: (projectId) => this.nextVersion(projectId),
      onStatusChange: (from, to) => {
        if (from === 'pending' || from === 'running') this.counts[from] -= 1;
        if (to === 'pending' || to === 'running') this.counts[to] += 1;
      },
      onEnded: (task) => this.ended(task),
      onUnsupportedLogged: () => stats.unsupportedParameterLogged(),
    };
  }

  /** Stores a new pending task, takes the project lock when locks are on, and starts its run. */
  createTask(projectId: string, ownerId: string, request: TaskRequest): Task {
    const task = newTask(randomUUID(), projectId, ownerId, request);
    task.plannedPipelineMs = this.drawPipelineMs();
    const run = new PipelineRun(task, this.context, this.drawPlan());

    this.tasks.set(task.taskId, task);
    this.runs.set(task.taskId, run);
    this.counts.pending += 1;
    if (this.settings.projectLock) this.locks.set(projectId, task.taskId);
    this.stats.taskCreated();
    run.start();
    // An enqueue that was already past its checks when shutdown began ends like the others.
    if (this.shutDown) run.cancel();
    return task;
  }

  findTask(taskId: string): Task | undefined {
    return this.tasks.get(taskId);
  }

  /** The task holding the project's lock, when locks are on and one is running. */
  lockHolder(projectId: string): Task | undefined {
    const taskId = this.locks.get(projectId);
    return taskId === undefined ? undefined : this.tasks.get(taskId);
  }

  /** Marks an unfinished task failed/canceled; a finished one is left as it is. */
  cancel(task: Task): void {
    if (!isFinished(task)) this.runs.get(task.taskId)?.cancel();
  }

  /** Every in-flight task ends failed/CANCELED, as the backend persists them on SIGTERM. */
  cancelAll(): void {
    // Newest first: waiters leave the queue before a running task's slot could be handed on.
    for (const run of [...this.runs.values()].reverse()) run.cancel();
  }

  /** Graceful shutdown: waiters for a connection are dropped, in-flight tasks canceled. */
  shutdown(): void {
    this.shutDown = true;
    this.pool.abandonWaiters();
    this.cancelAll();
  }

  /** A restart without Redis: in-flight tasks are canceled first, then everything is forgotten. */
  forgetAll(): void {
    this.cancelAll();
    this.tasks.clear();
    this.locks.clear();
  }

  gauges(): LiveGauges {
    return {
      semaphore: this.semaphore.gauges(),
      pool: this.pool.gauges(),
      llm: this.llm.gauges(),
      liveTasks: this.tasks.size,
      runningTasks: this.counts.running,
      pendingTasks: this.counts.pending,
    };
  }

  private ended(task: Task): void {
    this.runs.delete(task.taskId);
    if (this.locks.get(task.projectId) === task.taskId) this.locks.delete(task.projectId);
    this.stats.taskEnded(task.errorCode);
  }

  private drawPipelineMs(): number {
    const { pipelineSeconds, pipelineJitter } = this.settings;
    const spread = pipelineJitter * (2 * this.random.pipeline() - 1);
    return pipelineSeconds * 1000 * (1 + spread);
  }

  private drawPlan(): PipelinePlan {
    const { failRate, unsupportedParameterRate, llmModel } = this.settings;
    const { failures, unsupported } = this.random;
    return {
      failure: failures() < failRate ? pipelineFailure(failures) : undefined,
      unsupportedLine:
        unsupported() < unsupportedParameterRate
          ? unsupportedParameterLine(unsupported, llmModel)
          : undefined,
    };
  }

  private nextVersion(projectId: string): number {
    const version = (this.versions.get(projectId) ?? 0) + 1;
    this.versions.set(projectId, version);
    return version;
  }
}
