import { expect, test } from '@playwright/test';

import {
  EXIT_CRITERIA_FAILED,
  EXIT_NOT_JUDGED,
  EXIT_PASSED,
  exitCodeFor,
} from '../../src/judge/exit-codes';
import { deepFreeze } from '../helpers/records';

import type { Verdict } from '../../src/records';

const verdict = (fields: Partial<Verdict>): Verdict =>
  deepFreeze({
    passed: true,
    judged: true,
    deferred: false,
    reason: null,
    criteria: [],
    warnings: [],
    ...fields,
  });

test('the codes are 0, 2 and 3, apart from the 1 Playwright and Node use for a crash', () => {
  expect([EXIT_PASSED, EXIT_CRITERIA_FAILED, EXIT_NOT_JUDGED]).toEqual([0, 2, 3]);
});

const cases: [string, Parameters<typeof exitCodeFor>[0], number][] = [
  ['passes when every criterion passed', { verdict: verdict({}), harnessBroken: false }, 0],
  [
    'fails when a criterion failed',
    { verdict: verdict({ passed: false }), harnessBroken: false },
    2,
  ],
  [
    'is not judged when the run could not be judged',
    {
      verdict: verdict({ passed: null, judged: false, reason: 'the run was interrupted' }),
      harnessBroken: false,
    },
    3,
  ],
  ['is not judged without a verdict at all', { verdict: null, harnessBroken: false }, 3],
  [
    'is not judged when the harness broke, even with passing criteria',
    { verdict: verdict({}), harnessBroken: true },
    3,
  ],
  [
    'passes a clean shard that leaves judging to the merge',
    { verdict: verdict({ passed: null, judged: false, deferred: true }), harnessBroken: false },
    0,
  ],
  [
    'fails a shard on harness errors although it defers the criteria',
    { verdict: verdict({ passed: null, judged: false, deferred: true }), harnessBroken: true },
    3,
  ],
  [
    'reads a verdict saved before the deferred flag existed as not deferred',
    { verdict: verdict({ deferred: undefined, passed: false }), harnessBroken: false },
    2,
  ],
];
for (const [title, inputs, code] of cases) {
  test(`exitCodeFor ${title}`, () => {
    expect(exitCodeFor(inputs)).toBe(code);
  });
}
