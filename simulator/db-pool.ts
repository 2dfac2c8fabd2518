// DB_POOL_SIZE + DB_MAX_OVERFLOW as one pool of connections. A running pipeline holds one from
// load_project until save_theory commits (it spans the LLM calls), and every enqueue needs one
// for its project lookup. When none frees up within DB_POOL_TIMEOUT the caller gets a timeout,
// which the enqueue route turns into a bare 500. The queue itself is slot-queue.ts.

import { SlotQueue } from './slot-queue';

import type { SlotGauges } from './slot-queue';

export type PoolGauges = SlotGauges;

export class DbPool extends SlotQueue {
  constructor(capacity: number, timeoutMs: number) {
    super({ capacity, waitTimeoutMs: timeoutMs });
  }
}
