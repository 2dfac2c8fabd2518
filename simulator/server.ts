// Starting and stopping the simulator from code. Settings are the defaults plus the overrides
// given here (never the environment: tests must not depend on the shell that runs them), and
// port 0 picks a free port.

import { createServer } from 'node:http';

import createDebug from 'debug';

import { FaultPlan } from './faults';
import { createRequestHandler } from './request-handler';
import { checkSimSettings, defaultSimSettings } from './settings';
import { openSimLog } from './sim-log';
import { StatsCounter } from './stats';
import { TaskEngine } from './task-engine';
import { TokenRegistry } from './tokens';

import type { AddressInfo } from 'node:net';
import type { SimSettings } from './settings';
import type { SimStats } from './stats';

const debug = createDebug('theory-load:sim');

export interface RunningSimulator {
  /** http://127.0.0.1:PORT, with no trailing slash and no /api. */
  url: string;
  port: number;
  settings: SimSettings;
  stats(): SimStats;
  /** Like a redeploy without Redis: in-flight tasks end failed/CANCELED, then all are forgotten. */
  restart(): void;
  /** Graceful shutdown: cancels in-flight tasks, drops every connection and clears all timers. */
  close(): Promise<void>;
}

export async function startSimulator(
  overrides: Partial<SimSettings> = {},
): Promise<RunningSimulator> {
  const settings = checkSimSettings({ ...defaultSimSettings(), ...overrides });
  const log = openSimLog(settings.logFile);
  const stats = new StatsCounter();
  const engine = new TaskEngine(settings, log, stats);
  const tokens = new TokenRegistry(settings.tokens, settings.tokenTtlSeconds);
  const delayTimers = new Set<NodeJS.Timeout>();
  const server = createServer();

  const snapshot = () => stats.snapshot(engine.gauges());
  const restart = () => {
    engine.forgetAll();
    stats.restarted();
    // A restarted process has no connections; idle keep-alive sockets die with it.
    server.closeIdleConnections();
    debug('restarted: tasks forgotten');
  };
  const handler = createRequestHandler({
    theory: { settings, engine, tokens, stats },
    sim: { settings, engine, tokens, stats: snapshot, restart },
    stats,
    faults: new FaultPlan(settings),
    delayTimers,
  });
  server.on('request', handler);
  server.keepAliveTimeout = settings.keepAliveSeconds * 1000;

  await listen(server, settings.port, settings.host).catch(async (error: unknown) => {
    await log.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const url = `http://${hostInUrl}:${port}`;
  debug('listening on %s', url);

  const restartTimer =
    settings.restartEverySeconds > 0
      ? setInterval(restart, settings.restartEverySeconds * 1000)
      : undefined;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(restartTimer);
      for (const timer of delayTimers) clearTimeout(timer);
      delayTimers.clear();
      engine.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await log.close();
      debug('closed');
    })();
    return closing;
  };

  return { url, port, settings, stats: snapshot, restart, close };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
