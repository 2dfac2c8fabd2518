// Timestamps in the backend's form: naive UTC ISO text with microseconds and no "Z"
// (Python's datetime.utcnow().isoformat()), e.g. 2026-12-03T12:23:06.247090.

import { performance } from 'node:perf_hooks';

export function naiveUtcNow(): string {
  const nowMs = performance.timeOrigin + performance.now();
  const wholeMs = Math.floor(nowMs);
  const microDigits = String(Math.floor((nowMs - wholeMs) * 1000)).padStart(3, '0');
  return new Date(wholeMs).toISOString().slice(0, 23) + microDigits;
}
