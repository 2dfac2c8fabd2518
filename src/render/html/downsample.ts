// Keeps the scatter readable and the page small when a run has 10^5 requests: a fixed subset,
// chosen the same way every time so two renders of one results file are byte-identical.

export interface Downsampled<T> {
  kept: T[];
  total: number;
  /** How many of `kept` were taken for being slowest rather than by the even spread. */
  slowest: number;
}

/**
 * At most `cap` items: the slowest tenth of the cap by `weight` (outliers are what people look
 * for, so they are never sampled away), then an even spread over the rest in input order.
 * Kept items come back in input order. At or under the cap everything is kept.
 *
 * Complexity: O(n log n) for the slowest pick; the input is not mutated.
 *
 * @throws {TypeError} when `cap` is not a positive integer.
 * @example
 * const { kept } = downsample([5, 90, 7, 8, 6, 4, 3, 2, 1, 9, 8, 7], 10, (ms) => ms);
 * // kept: the slowest (90) plus 9 of the other 11 spread evenly, all in input order
 */
export function downsample<T>(
  items: readonly T[],
  cap: number,
  weight: (item: T) => number,
): Downsampled<T> {
  if (!Number.isInteger(cap) || cap < 1) {
    throw new TypeError(`Expected \`cap\` to be a positive integer, got ${cap}`);
  }
  if (items.length <= cap) return { kept: [...items], total: items.length, slowest: 0 };

  // Ties are broken by position so the pick does not depend on the sort's stability.
  const byWeight = items
    .map((item, index) => ({ index, weight: weight(item) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const slowestCount = Math.floor(cap / 10);
  const keptIndexes = new Set(byWeight.slice(0, slowestCount).map((entry) => entry.index));

  const rest = items.map((_, index) => index).filter((index) => !keptIndexes.has(index));
  const spreadCount = cap - slowestCount;
  for (let i = 0; i < spreadCount; i++) {
    keptIndexes.add(rest[Math.floor((i * rest.length) / spreadCount)]);
  }

  const kept = [...keptIndexes].sort((a, b) => a - b).map((index) => items[index]);
  return { kept, total: items.length, slowest: slowestCount };
}
