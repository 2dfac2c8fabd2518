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
    // Timers may fire a fraction of a millisecond early by this clock: a user must never start
    // before its slot, so sleep again for whatever is left.
    for (let waitMs = epochMs - realClock.nowMs(); waitMs > 0;) {
      if (signal?.aborted) return;
      await delay(Math.max(1, Math.ceil(waitMs)), undefined, { signal }).catch(() => undefined);
      waitMs = epochMs - realClock.nowMs();
    }
  },
};
