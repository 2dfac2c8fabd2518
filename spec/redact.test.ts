import { expect, test } from '@playwright/test';

import { createRedactor } from '../src/redact';
import { classifyFailure } from '../src/transport/transport';

test('hides every occurrence of a secret and any bearer credential', () => {
  const redact = createRedactor(['s3cr3t-token']);
  expect(redact('a s3cr3t-token b s3cr3t-token')).toBe('a [redacted] b [redacted]');
  expect(redact('authorization: Bearer eyJhbGciOi.x.y, next')).toBe(
    'authorization: Bearer [redacted], next',
  );
});

test('leaves a text without secrets alone, and ignores empty secrets', () => {
  expect(createRedactor([''])('nothing here')).toBe('nothing here');
});

const failures: [string, string][] = [
  ['apiRequestContext.fetch: socket hang up', 'connection_closed'],
  ['read ECONNRESET', 'connection_closed'],
  ['other side closed', 'connection_closed'],
  ['Timeout 30000ms exceeded.', 'timeout'],
  ['connect ECONNREFUSED 127.0.0.1:9', 'other'],
];
for (const [message, kind] of failures) {
  test(`classifies "${message}" as ${kind}`, () => {
    expect(classifyFailure(message)).toBe(kind);
  });
}
