// The one interface the user flow speaks to reach the backend. Keeping it this small lets a
// faster client replace Playwright's APIRequestContext without touching the flow.

export interface HttpAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  text: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path below the API root, starting with a slash: `/projects/<id>/generate-theory`. */
  path: string;
  /** JSON body for a POST. */
  body?: unknown;
}

export interface Transport {
  /**
   * Sends one request and resolves with whatever the server answered, any status.
   * @throws TransportError when no answer arrived (reset, refused, timeout).
   */
  send(request: HttpRequest): Promise<HttpAnswer>;
}

/** Why a request got no answer; `kind` lets the flow decide on its one resend. */
export type TransportFailure = 'connection_closed' | 'timeout' | 'other';

export class TransportError extends Error {
  readonly code = 'LT_NO_ANSWER';
  constructor(
    message: string,
    readonly kind: TransportFailure,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/**
 * Sorts a client's error text into a failure kind. A server that closes an idle keep-alive
 * connection just as a request goes out on it produces these texts; such a request never
 * reached the application and is safe to send again.
 */
export function classifyFailure(message: string): TransportFailure {
  if (/socket hang up|ECONNRESET|other side closed|EPIPE|disconnected/i.test(message)) {
    return 'connection_closed';
  }
  if (/timeout|timed out|ETIMEDOUT/i.test(message)) return 'timeout';
  return 'other';
}
