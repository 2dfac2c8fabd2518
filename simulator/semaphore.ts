// THEORY_LOCAL_MAX_CONCURRENT_TASKS as the backend has it: a per-process semaphore around the
// pipeline with an unbounded first-come first-served queue. Waiters live in a Set so a cancelled
// waiter leaves the queue in O(1) without disturbing the order of the others.

export interface SemaphoreGauges {
  inUse: number;
  peakInUse: number;
  waiting: number;
  peakWaiting: number;
}

export class Semaphore {
  private inUse = 0;
  private peakInUse = 0;
  private peakWaiting = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly slots: number) {}

  /** Calls `onGranted` now or when a slot frees up; the returned function leaves the queue. */
  acquire(onGranted: () => void): () => void {
    if (this.inUse < this.slots && this.waiters.size === 0) {
      this.take();
      onGranted();
      return () => {};
    }
    const waiter = () => onGranted();
    this.waiters.add(waiter);
    this.peakWaiting = Math.max(this.peakWaiting, this.waiters.size);
    return () => {
      this.waiters.delete(waiter);
    };
  }

  /** Frees a slot and hands it straight to the oldest waiter, if any. */
  release(): void {
    this.inUse -= 1;
    const next = this.waiters.values().next();
    if (next.done) return;
    this.waiters.delete(next.value);
    this.take();
    next.value();
  }

  gauges(): SemaphoreGauges {
    return {
      inUse: this.inUse,
      peakInUse: this.peakInUse,
      waiting: this.waiters.size,
      peakWaiting: this.peakWaiting,
    };
  }

  private take(): void {
    this.inUse += 1;
    this.peakInUse = Math.max(this.peakInUse, this.inUse);
  }
}
