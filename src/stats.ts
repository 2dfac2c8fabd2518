// Pure statistics over raw latency values. Everything is computed from the values themselves,
// never from histograms or pre-aggregated shards, so a merged run gives the same figures as one
// run over the same records.
import { mean, quantileSorted } from 'simple-statistics';

import type { LatencyStats } from './records';

/**
 * The percentile definition used for every `p50`/`p90`/`p95`/`p99` in the results JSON, worded
 * for the README. A spec pins the library's behaviour to this text, so an upgrade that changes
 * the method fails a test instead of silently changing the figures.
 */
export const PERCENTILE_METHOD =
  'simple-statistics quantileSorted (7.12): linear interpolation between closest ranks ' +
  "(R type 7, numpy 'linear'). With the values ascending as x[0..n-1] and h = (n - 1) * p, " +
  'the percentile is x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]); when h ' +
  'is a whole number it is x[h] itself, with no averaging of neighbours. p = 0 gives the ' +
  'minimum and p = 1 the maximum. For 100 samples p95 is x[94] + 0.05 * (x[95] - x[94]) ' +
  "(95.05 for the values 1 to 100). Unlike the runbook's Python script, not nearest-rank.";

/** The percentiles reported in every latency block, as fractions for `quantileSorted`. */
const PERCENTILES = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;

/**
 * Count, minimum, mean, p50/p90/p95/p99 and maximum of raw millisecond values.
 *
 * Nothing is rounded: the JSON keeps full precision and renderers round for display. An empty
 * input gives `count: 0` and null everywhere else, because a zero would read as "instant".
 * The mean is taken over the sorted copy so the result does not depend on input order, even
 * in the last bit.
 *
 * Complexity: O(n log n) time for one sorted copy, O(n) extra memory; the input is not mutated.
 *
 * @throws {TypeError} when a value is not a finite number (NaN would poison the sort).
 * @example
 * summarizeMs([30, 10, 20]);
 * // => { count: 3, min: 10, avg: 20, p50: 20, p90: 28, p95: 29, p99: 29.8, max: 30 }
 */
export function summarizeMs(values: readonly number[]): LatencyStats {
  const badIndex = values.findIndex((value) => !Number.isFinite(value));
  if (badIndex !== -1) {
    const got = String(values[badIndex]);
    throw new TypeError(`Expected finite milliseconds, got ${got} at index ${badIndex}`);
  }
  if (values.length === 0) {
    return emptyStats();
  }

  // A typed-array sort is numeric and several times faster than a comparator on 10^6 values.
  const sorted = Array.from(Float64Array.from(values).sort());

  return {
    count: sorted.length,
    min: sorted[0],
    avg: mean(sorted),
    p50: quantileSorted(sorted, PERCENTILES.p50),
    p90: quantileSorted(sorted, PERCENTILES.p90),
    p95: quantileSorted(sorted, PERCENTILES.p95),
    p99: quantileSorted(sorted, PERCENTILES.p99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * The latency block for "no values": count 0 and null figures.
 *
 * Complexity: O(1). Throws nothing.
 *
 * @example
 * emptyStats().p95; // => null
 */
export function emptyStats(): LatencyStats {
  return { count: 0, min: null, avg: null, p50: null, p90: null, p95: null, p99: null, max: null };
}
