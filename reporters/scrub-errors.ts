// Playwright records the call log of a failed APIRequestContext call on its step, and that log
// lists every request header, the bearer token included (microsoft/playwright#31717). The load
// reporter runs first and redacts those errors in place, before the list, HTML and blob
// reporters that follow it ever see them.
import type { TestError } from '@playwright/test/reporter';

type Redact = (text: string) => string;

export function scrubError(error: TestError | undefined, redact: Redact): void {
  if (error === undefined) return;
  if (error.message !== undefined) error.message = redact(error.message);
  if (error.stack !== undefined) error.stack = redact(error.stack);
  if (error.value !== undefined) error.value = redact(error.value);
  if (error.snippet !== undefined) error.snippet = redact(error.snippet);
  scrubError(error.cause, redact);
}

export function scrubErrors(errors: readonly TestError[], redact: Redact): void {
  for (const error of errors) scrubError(error, redact);
}
