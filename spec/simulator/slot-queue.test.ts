// The queue behind the task semaphore and the DB pool, driven directly: the HTTP specs only see
// its effects through /__sim/stats, so order, cancel and timeout are pinned down here.
import { setTimeout as sleep } from 'node:timers/promises';

import { expect, test } from '@playwright/test';

import { SlotQueue } from '../../simulator/slot-queue';

import type { SlotQueueOptions } from '../../simulator/slot-queue';

// Waits well past the wait timeout so a late timer cannot make the test flaky.
const WAIT_TIMEOUT_MS = 10;
const PAST_TIMEOUT_MS = 60;

/** A queue that `names` have asked in turn, with what each was told and how each can leave. */
function queueAskedBy(options: SlotQueueOptions, names: readonly string[]) {
  const queue = new SlotQueue(options);
  const events: string[] = [];
  const leave = new Map<string, () => void>();
  const ask = (name: string) => {
    const onGranted = () => events.push(`${name} granted`);
    const onTimeout = () => events.push(`${name} timed out`);
    leave.set(name, queue.acquire(onGranted, onTimeout));
  };
  for (const name of names) ask(name);
  const releaseTimes = (count: number) => {
    for (let index = 0; index < count; index += 1) queue.release();
  };
  return { queue, events, ask, releaseTimes, leave: (name: string) => leave.get(name)?.() };
}

const ABCD = Object.freeze(['a', 'b', 'c', 'd']);

test.describe('SlotQueue', () => {
  test('grants at once while a slot is free and queues the rest', () => {
    const { queue, events } = queueAskedBy({ capacity: 2 }, ABCD);

    expect(events).toEqual(['a granted', 'b granted']);
    expect(queue.gauges()).toEqual({
      capacity: 2,
      inUse: 2,
      peakInUse: 2,
      waiting: 2,
      peakWaiting: 2,
      timeouts: 0,
    });
  });

  test('hands each freed slot to the oldest waiter', () => {
    const { queue, events, releaseTimes } = queueAskedBy({ capacity: 1 }, ABCD);

    releaseTimes(2);

    expect(events).toEqual(['a granted', 'b granted', 'c granted']);
    expect(queue.gauges()).toMatchObject({ inUse: 1, waiting: 1, peakWaiting: 3 });
  });

  test('queues a newcomer behind the waiters even when it arrives as a slot frees', () => {
    const { queue, events, ask } = queueAskedBy({ capacity: 1 }, ['a', 'b']);

    queue.release();
    ask('c');

    expect(events).toEqual(['a granted', 'b granted']);
    expect(queue.gauges()).toMatchObject({ inUse: 1, waiting: 1 });
  });

  test('lets a cancelled waiter leave without disturbing the order of the others', () => {
    const { queue, events, leave, releaseTimes } = queueAskedBy({ capacity: 1 }, ABCD);

    leave('c');
    const afterLeaving = queue.gauges();
    releaseTimes(3);

    expect(afterLeaving).toMatchObject({ waiting: 2, peakWaiting: 3 });
    expect(events).toEqual(['a granted', 'b granted', 'd granted']);
    expect(queue.gauges()).toMatchObject({ inUse: 0, peakInUse: 1, waiting: 0 });
  });

  test('gives a granted caller a leave function that changes nothing', () => {
    const { queue, leave } = queueAskedBy({ capacity: 1 }, ['a']);

    leave('a');

    expect(queue.gauges()).toMatchObject({ inUse: 1, waiting: 0 });
  });

  test('times a waiter out, counts it and never grants it later', async () => {
    const options = { capacity: 1, waitTimeoutMs: WAIT_TIMEOUT_MS };
    const { queue, events } = queueAskedBy(options, ['a', 'b']);

    await sleep(PAST_TIMEOUT_MS);
    queue.release();

    expect(events).toEqual(['a granted', 'b timed out']);
    expect(queue.gauges()).toMatchObject({ inUse: 0, waiting: 0, peakWaiting: 1, timeouts: 1 });
  });

  test('stops the timer of a waiter that is granted, cancelled or abandoned', async () => {
    const options = { capacity: 1, waitTimeoutMs: WAIT_TIMEOUT_MS };
    const { queue, events, leave } = queueAskedBy(options, ABCD);

    queue.release();
    leave('c');
    queue.abandonWaiters();
    await sleep(PAST_TIMEOUT_MS);

    expect(events).toEqual(['a granted', 'b granted']);
    expect(queue.gauges()).toMatchObject({ inUse: 1, waiting: 0, peakWaiting: 3, timeouts: 0 });
  });

  test('lets a waiter wait past any timeout when none is set', async () => {
    const { queue, events } = queueAskedBy({ capacity: 1 }, ['a', 'b']);

    await sleep(PAST_TIMEOUT_MS);
    queue.release();

    expect(events).toEqual(['a granted', 'b granted']);
    expect(queue.gauges().timeouts).toBe(0);
  });
});
