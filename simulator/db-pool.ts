// DB_POOL_SIZE + DB_MAX_OVERFLOW as one pool of connections. A running pipeline holds one from
// load_project until save_theory commits (it spans the LLM calls), and every enqueue needs one
// for its project lookup. When none frees up within DB_POOL_TIMEOUT the caller gets a timeout,
// which the enqueue route turns into a bare 500.

export interface PoolGauges {
  capacity: number;
  inUse: number;
  peakInUse: number;
  waiting: number;
  peakWaiting: number;
  timeouts: number;
}

interface Waiter {
  onGranted: () => void;
  timer: NodeJS.Timeout;
}

export class DbPool {
  private inUse = 0;
  private peakInUse = 0;
  private peakWaiting = 0;
  private timeouts = 0;
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly capacity: number,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Calls `onGranted` now or when a connection frees up, or `onTimeout` after the pool timeout.
   * The returned function gives up waiting without calling either.
   */
  acquire(onGranted: () => void, onTimeout: () => void): () => void {
    if (this.inUse < this.capacity && this.waiters.size === 0) {
      this.take();
      onGranted();
      return () => {};
    }
    const waiter: Waiter = {
      onGranted,
      timer: setTimeout(() => {
        this.waiters.delete(waiter);
        this.timeouts += 1;
        onTimeout();
      }, this.timeoutMs),
    };
    this.waiters.add(waiter);
    this.peakWaiting = Math.max(this.peakWaiting, this.waiters.size);
    return () => {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
    };
  }

  release(): void {
    this.inUse -= 1;
    const next = this.waiters.values().next();
    if (next.done) return;
    this.waiters.delete(next.value);
    clearTimeout(next.value.timer);
    this.take();
    next.value.onGranted();
  }

  /** Drops every waiter without an answer; used when the simulator closes. */
  abandonWaiters(): void {
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
  }

  gauges(): PoolGauges {
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
