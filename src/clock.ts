// Time for the user flow, behind an interface so unit tests can run a 20-minute journey in
// microseconds. Real time is epoch milliseconds with sub-millisecond resolution, taken from
// performance.timeOrigin + performance.now(): it agrees across worker processes of one
// machine to about a millisecond, which puts every worker's samples on one timeline.
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  nowMs(): number;
  /** Resolves at `epochMs` (at once if it has passed) or as soon as `signal` aborts. */
  sleepUntil(epochMs: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  nowMs: () => performance.timeOrigin + performance.now(),
  async sleepUntil(epochMs, signal) {
    const waitMs = epochMs - realClock.nowMs();
    if (waitMs <= 0 || signal?.aborted) return;
    await delay(waitMs, undefined, { signal }).catch(() => undefined);
  },
};
