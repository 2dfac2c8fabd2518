// Seeded pseudo-random numbers, so that a test with SIM_SEED sees the same faults, failures and
// pipeline lengths on every run. Each purpose draws from its own stream: a fault decision must
// not shift because a pipeline happened to finish a moment earlier.

export type Random = () => number;

export type RandomStream = 'faults' | 'pipeline' | 'failures' | 'unsupported' | 'results';

const STREAM_SALT: Record<RandomStream, number> = {
  faults: 0x9e3779b9,
  pipeline: 0x85ebca6b,
  failures: 0xc2b2ae35,
  unsupported: 0x27d4eb2f,
  results: 0x165667b1,
};

/** A uniform draw in [0, 1) from a 32-bit state (mulberry32); O(1), never throws. */
export function createRandom(seed: number, stream: RandomStream): Random {
  let state = (seed ^ STREAM_SALT[stream]) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one element with a draw from `random`; the list must not be empty. */
export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
