// The Transport over Playwright's APIRequestContext: the only place in src/ that knows
// Playwright's request API. Each call shows up as a step in Playwright's HTML report.
import { TransportError, classifyFailure } from './transport';

import type { HttpAnswer, HttpRequest, Transport } from './transport';
import type { APIRequestContext } from '@playwright/test';

export function apiRequestTransport(
  context: APIRequestContext,
  apiBaseUrl: string,
  scrub: (text: string) => string,
): Transport {
  return {
    async send(request: HttpRequest): Promise<HttpAnswer> {
      // Absolute URLs: Playwright resolves a relative path against baseURL like a browser
      // would, which drops the `/api` prefix of a base URL without a trailing slash.
      const url = apiBaseUrl + request.path;
      try {
        const response = await context.fetch(url, {
          method: request.method,
          data: request.body,
          // The backend's 307 on a trailing slash must be seen, not followed silently.
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        return {
          status: response.status(),
          headers: response.headers(),
          text: await response.text(),
        };
      } catch (error) {
        const message = scrub(firstLine(error));
        throw new TransportError(message, classifyFailure(message));
      }
    },
  };
}

/** Playwright errors carry a multi-line call log that may repeat request headers: keep line one. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim();
}
