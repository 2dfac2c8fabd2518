import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { expect, test } from '@playwright/test';

import { main } from '../../cli/compare';
import { JUDGE_DEFAULTS } from '../../src/judge/defaults';
import { EMPTY_SCAN } from '../../src/judge/unsupported-scan';
import { judgeRun } from '../../src/judge/verdict';
import { runOf, runResults, usersWith } from '../judge/build-results';

import type { RunResults } from '../../src/records';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const SETTINGS = { ...JUDGE_DEFAULTS, backendLogs: [] };

function judged(results: RunResults): RunResults {
  return { ...results, verdict: judgeRun(results, SETTINGS, EMPTY_SCAN) };
}

let folder: string;
let beforePath: string;
let afterPath: string;
test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'compare-cli-'));
  beforePath = join(folder, 'before.json');
  afterPath = join(folder, 'after.json');
  writeFileSync(beforePath, JSON.stringify(judged(runResults(runOf(20, 4, 'failed')))));
  writeFileSync(afterPath, JSON.stringify(judged(runResults(usersWith(20, 'completed')))));
  writeFileSync(join(folder, 'other.json'), '{"hello": "world"}');
  writeFileSync(join(folder, 'broken.json'), '{"format": ');
});
test.afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs main() in-process and captures what it would print. */
function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

test('prints the comparison table and exits 0 when run as a real process', async () => {
  const { stdout, stderr } = await run('npx', ['tsx', 'cli/compare.ts', beforePath, afterPath], {
    cwd: ROOT,
  });
  expect(stderr).toBe('');
  expect(stdout).toMatch(/^figure +before +after +change\n/);
  expect(stdout).toMatch(/\nfailed +4 +0 +-4 \(-100\.0%\)\n/);
  expect(stdout).toMatch(/\ncompleted share +80\.0% +100\.0% +\+20\.0 pp\n/);
  expect(stdout).toMatch(/\nverdict +failed +passed +failed -> passed\n/);
});

test('prints only the JSON diff on stdout with --json', async () => {
  const { stdout } = await run('npx', ['tsx', 'cli/compare.ts', '--json', beforePath, afterPath], {
    cwd: ROOT,
  });
  const diff = JSON.parse(stdout);
  expect(diff.verdict).toEqual({ before: 'failed', after: 'passed' });
  expect(diff.figures.find((figure: { name: string }) => figure.name === 'failed')).toEqual({
    name: 'failed',
    unit: 'count',
    before: 4,
    after: 0,
    change: -4,
    change_pct: -100,
  });
});

test('exits 1 with one clear message when a file is missing, as a real process', async () => {
  const missing = join(folder, 'missing.json');
  const failure = await run('npx', ['tsx', 'cli/compare.ts', beforePath, missing], {
    cwd: ROOT,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  expect(failure).toMatchObject({ code: 1, stdout: '' });
  expect((failure as { stderr: string }).stderr.trim()).toBe(
    `compare: cannot read ${missing}: no such file`,
  );
});

const errors: [string, string[], string][] = [
  [
    'a file that is not a results JSON',
    ['before.json', 'other.json'],
    'other.json is not a theory-load results JSON (no "format": "theory-load-results/1")',
  ],
  [
    'a file that is not JSON',
    ['broken.json', 'after.json'],
    'broken.json is not JSON, so not a theory-load results file',
  ],
];
for (const [title, files, message] of errors) {
  test(`main exits 1 on ${title}, naming the file`, () => {
    const result = capture(files.map((file) => join(folder, file)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`compare: ${join(folder, message)}`);
  });
}

test('main exits 1 with the usage line on a wrong number of files or an unknown option', () => {
  expect(capture([beforePath])).toEqual({
    code: 1,
    stdout: '',
    stderr:
      'compare: expected two files\nusage: npm run compare -- <before.json> <after.json> [--json]',
  });
  expect(capture([beforePath, afterPath, '--csv']).stderr).toMatch(
    /^compare: unknown option --csv\n/,
  );
});

test('main prints the usage and exits 0 on --help', () => {
  expect(capture(['--help'])).toEqual({
    code: 0,
    stdout: 'usage: npm run compare -- <before.json> <after.json> [--json]',
    stderr: '',
  });
});
