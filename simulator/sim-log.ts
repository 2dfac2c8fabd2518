// The simulator's stand-in for the backend's stderr. The real backend prints WARNING lines as
// the bare message (no time, level or logger name), so the lines here are bare messages too:
// a log scanner that works on these files works on the real console logs.

import { createWriteStream } from 'node:fs';

import createDebug from 'debug';

const debugLog = createDebug('theory-load:sim:log');

export interface SimLog {
  write(message: string): void;
  close(): Promise<void>;
}

/** Appends to `filePath` when given, otherwise sends each line to `debug`. */
export function openSimLog(filePath: string | undefined): SimLog {
  if (filePath === undefined) {
    return { write: (message) => debugLog(message), close: async () => {} };
  }

  const stream = createWriteStream(filePath, { flags: 'a' });
  let closed = false;
  // A broken log file must not take the simulator down; the error is reported once via debug.
  stream.on('error', (error) => debugLog('log file %s failed: %s', filePath, error.message));
  return {
    write(message) {
      if (!closed) stream.write(`${message}\n`);
    },
    close() {
      closed = true;
      return new Promise((resolve) => stream.end(() => resolve()));
    },
  };
}
