// What a route hands back to the server: a plain value, so routes stay free of sockets and the
// server can apply faults, Server-Timing and stats in one place.

export interface Reply {
  status: number;
  json?: unknown;
  /** Plain text body, as Starlette sends its bare 500 and as proxies send 502/503. */
  text?: string;
  headers?: Record<string, string>;
}

export function detailReply(status: number, detail: unknown, headers?: Record<string, string>) {
  const reply: Reply = { status, json: { detail }, headers };
  return reply;
}

/** The bare 500 of an unhandled exception (DB pool timeout): text, not JSON. */
export function bareServerError(): Reply {
  return { status: 500, text: 'Internal Server Error' };
}
