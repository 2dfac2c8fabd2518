// One theory task as the backend keeps it in process memory, and its JSON form. Every state
// change goes through `moveTask` so that updated_at and the step history cannot drift apart.

import { naiveUtcNow } from './clock';

export type TaskStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface TaskRequest {
  minInterviews: number;
  useModelRouter: boolean;
}

export interface Task {
  taskId: string;
  projectId: string;
  ownerId: string;
  status: TaskStatus;
  step: string;
  progress: number;
  error: string | null;
  errorCode: string | null;
  result: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;

  request: TaskRequest;
  /** What this run will take once it holds a slot and a connection; drawn at enqueue. */
  plannedPipelineMs: number;
  /** Every (step, progress) the task went through, for /__sim/tasks and the specs. */
  history: Array<[string, number]>;
}

export function newTask(taskId: string, projectId: string, ownerId: string, request: TaskRequest) {
  const now = naiveUtcNow();
  const task: Task = {
    taskId,
    projectId,
    ownerId,
    status: 'pending',
    step: 'queued',
    progress: 0,
    error: null,
    errorCode: null,
    result: null,
    createdAt: now,
    updatedAt: now,
    request,
    plannedPipelineMs: 0,
    history: [['queued', 0]],
  };
  return task;
}

export function moveTask(task: Task, status: TaskStatus, step: string, progress: number): void {
  task.status = status;
  task.step = step;
  task.progress = progress;
  task.updatedAt = naiveUtcNow();
  task.history.push([step, progress]);
}

export function isFinished(task: Task): boolean {
  return task.status === 'completed' || task.status === 'failed';
}

/** The status route's body: the whole task dict plus the clamped poll hint. */
export function taskJson(task: Task, pollHintSeconds: number): Record<string, unknown> {
  return {
    task_id: task.taskId,
    status: task.status,
    step: task.step,
    progress: task.progress,
    error: task.error,
    error_code: task.errorCode,
    result: task.result,
    project_id: task.projectId,
    owner_id: task.ownerId,
    next_poll_seconds: Math.max(2, pollHintSeconds),
    created_at: task.createdAt,
    updated_at: task.updatedAt,
    execution_mode: 'local',
  };
}
