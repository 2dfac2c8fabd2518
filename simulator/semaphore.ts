// THEORY_LOCAL_MAX_CONCURRENT_TASKS as the backend has it: a per-process semaphore around the
// pipeline with an unbounded first-come first-served queue. A task waits for its slot as long
// as it takes; only a cancel takes it out of the queue. The queue itself is slot-queue.ts.

import { SlotQueue } from './slot-queue';

import type { SlotGauges } from './slot-queue';

export type SemaphoreGauges = SlotGauges;

export class Semaphore extends SlotQueue {
  constructor(slots: number) {
    super({ capacity: slots });
  }
}
