// `npm run compare -- before.json after.json [--json]`: the change of every headline figure and
// of the verdict between two saved runs. The table is the command's result, so it goes to
// stdout; with --json, stdout carries the JSON diff alone.
import { readFileSync } from 'node:fs';

import { compareResults, diffResults, isRunResults } from '../src/judge/compare';
import { RESULTS_FORMAT } from '../src/results';

import type { RunResults } from '../src/records';

const USAGE = 'usage: npm run compare -- <before.json> <after.json> [--json]';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const CONSOLE: Output = {
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
};

/** Runs the command and returns its exit code: 0, or 1 with one message on stderr. */
export function main(argv: readonly string[], output: Output = CONSOLE): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((arg) => arg.startsWith('-') && arg !== '--json');
  const paths = argv.filter((arg) => !arg.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    output.stdout(USAGE);
    return 0;
  }
  if (unknown.length > 0 || paths.length !== 2) {
    const problem = unknown.length > 0 ? `unknown option ${unknown[0]}` : 'expected two files';
    output.stderr(`compare: ${problem}\n${USAGE}`);
    return 1;
  }

  try {
    const before = readResults(paths[0]);
    const after = readResults(paths[1]);
    const text = json
      ? JSON.stringify(diffResults(before, after), null, 2)
      : compareResults(before, after);
    output.stdout(text);
    return 0;
  } catch (error) {
    output.stderr(`compare: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function readResults(path: string): RunResults {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable');
    throw new Error(`cannot read ${path}: ${why}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON, so not a theory-load results file`, { cause: error });
  }
  if (!isRunResults(parsed)) {
    throw new Error(`${path} is not a theory-load results JSON (no "format": "${RESULTS_FORMAT}")`);
  }
  return parsed;
}

// Run only as a script: the spec imports main() without side effects.
if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
