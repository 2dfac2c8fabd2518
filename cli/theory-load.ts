// `npx theory-load`: the runbook script's command line in front of `playwright test`. Flags
// become LOAD_* settings in the child's environment; Playwright does the rest. The only file
// of the CLI that touches processes and streams.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

import { EXIT_BAD_SETTING } from '../src/judge/exit-codes';
import { FlagError, parseFlags } from './flags';
import { renderHelp } from './help-text';

import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** A bad flag is a bad setting: the same code as a bad LOAD_ value, and nothing runs. */
export const EXIT_BAD_FLAG = EXIT_BAD_SETTING;

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface CliDeps {
  spawn: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  env: NodeJS.ProcessEnv;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Where SIGINT and SIGTERM arrive; the process itself outside tests. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** Path of Playwright's CLI script, run with this Node. */
  playwrightCli: string;
}

/**
 * Parses `args`, then runs `playwright test` with the settings in its environment and the
 * remaining arguments, inheriting stdio. Resolves to the exit code to use: Playwright's, or
 * 128 + the signal number when it died of a signal, or EXIT_BAD_FLAG before starting it.
 */
export async function main(args: readonly string[], deps: Partial<CliDeps> = {}): Promise<number> {
  const { env, stdout, stderr, signals, playwrightCli } = { ...defaultDeps(), ...deps };
  const spawnChild = deps.spawn ?? spawn;

  let parsed;
  try {
    parsed = parseFlags(args);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    stderr.write(`theory-load: ${error.message}\n`);
    stderr.write('Run `npx theory-load --help` for every flag and its default.\n');
    return EXIT_BAD_FLAG;
  }
  if (parsed.help) {
    stdout.write(renderHelp());
    return 0;
  }

  const child = spawnChild(process.execPath, [playwrightCli, 'test', ...parsed.playwrightArgs], {
    stdio: 'inherit',
    env: { ...env, ...parsed.settings },
  });
  // On a terminal Ctrl-C reaches the child too; Playwright ignores a second SIGINT within a
  // second of the first, so forwarding never turns a graceful stop into a hard kill.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) signals.on(signal, forward);

  try {
    return await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        stderr.write(`theory-load: could not start Playwright (${error.message})\n`);
        resolve(1);
      });
      child.on('exit', (code, signal) => {
        resolve(code ?? (signal ? 128 + constants.signals[signal] : 1));
      });
    });
  } finally {
    for (const signal of FORWARDED_SIGNALS) signals.off(signal, forward);
  }
}

function defaultDeps(): Omit<CliDeps, 'spawn'> {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signals: process,
    // Resolved from this package, so `npx theory-load` uses the Playwright it was installed with.
    playwrightCli: require.resolve('@playwright/test/cli'),
  };
}
