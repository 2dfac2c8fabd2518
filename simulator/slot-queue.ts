// The one mechanism behind the task semaphore and the DB pool: a fixed number of slots and a
// first-come first-served queue of waiters, optionally bounded in time. Waiters live in a Set,
// which keeps insertion order, so a waiter that gives up leaves the queue in O(1) without
// disturbing the order of the others.

export interface SlotGauges {
  capacity: number;
  inUse: number;
  peakInUse: number;
  waiting: number;
  peakWaiting: number;
  timeouts: number;
}

export interface SlotQueueOptions {
  capacity: number;
  /** How long a waiter may wait before its `onTimeout` runs; unset, it waits for ever. */
  waitTimeoutMs?: number;
}

interface Waiter {
  onGranted: () => void;
  timer?: NodeJS.Timeout;
}

export class SlotQueue {
  private inUse = 0;
  private peakInUse = 0;
  private peakWaiting = 0;
  private timeouts = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly capacity: number;
  private readonly waitTimeoutMs: number | undefined;

  constructor(options: SlotQueueOptions) {
    this.capacity = options.capacity;
    this.waitTimeoutMs = options.waitTimeoutMs;
  }

  /**
   * Calls `onGranted` now or when a slot frees up, or `onTimeout` once the wait timeout passes.
   * The returned function gives up waiting without calling either.
   */
  acquire(onGranted: () => void, onTimeout: () => void = () => {}): () => void {
    if (this.inUse < this.capacity && this.waiters.size === 0) {
      this.take();
      onGranted();
      return () => {};
    }

    const waiter: Waiter = { onGranted };
    if (this.waitTimeoutMs !== undefined) {
      waiter.timer = setTimeout(() => {
        this.waiters.delete(waiter);
        this.timeouts += 1;
        onTimeout();
      }, this.waitTimeoutMs);
    }
    this.waiters.add(waiter);
    this.peakWaiting = Math.max(this.peakWaiting, this.waiters.size);
    return () => {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
    };
  }

  /** Frees a slot and hands it straight to the oldest waiter, if any. */
  release(): void {
    this.inUse -= 1;
    const next = this.waiters.values().next();
    if (next.done) return;

    this.waiters.delete(next.value);
    clearTimeout(next.value.timer);
    this.take();
    next.value.onGranted();
  }

  /** Drops every waiter unanswered and stops its timer; used when the simulator closes. */
  abandonWaiters(): void {
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  gauges(): SlotGauges {
    return {
      capacity: this.capacity,
      inUse: this.inUse,
      peakInUse: this.peakInUse,
      waiting: this.waiters.size,
      peakWaiting: this.peakWaiting,
      timeouts: this.timeouts,
    };
  }

  private take(): void {
    this.inUse += 1;
    this.peakInUse = Math.max(this.peakInUse, this.inUse);
  }
}
