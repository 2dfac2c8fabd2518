import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { expandLogPatterns, matchesWildcard, scanBackendLogs } from '../../src/judge/log-files';

const HEALING =
  "Model 'gpt-5.2-chat' rejected max_tokens - switching to max_completion_tokens and retrying.";

let folder: string;
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'judge-logs-'));
  mkdirSync(join(folder, 'logs'));
  writeFileSync(join(folder, 'logs', 'api-1.log'), `start\n${HEALING}\n`);
  writeFileSync(join(folder, 'logs', 'api-2.log'), `${HEALING}\n${HEALING}\n`);
  writeFileSync(join(folder, 'logs', 'export.jsonl'), `${JSON.stringify({ Log_s: HEALING })}\n`);
  writeFileSync(join(folder, 'logs', 'notes.txt'), HEALING);
  mkdirSync(join(folder, 'logs', 'api-3.log'));
});
test.afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('matches * and ? in a file name and escapes every other character', () => {
  expect(matchesWildcard('api-1.log', 'api-*.log')).toBe(true);
  expect(matchesWildcard('api-12.log', 'api-?.log')).toBe(false);
  expect(matchesWildcard('api-1xlog', 'api-1.log')).toBe(false);
  expect(matchesWildcard('a(1)+.log', 'a(?)+.log')).toBe(true);
});

test('expands globs relative to the working folder into sorted files, skipping folders', () => {
  expect(expandLogPatterns(['logs/api-*.log'], folder)).toEqual([
    join(folder, 'logs', 'api-1.log'),
    join(folder, 'logs', 'api-2.log'),
  ]);
});

test('keeps each file once when patterns overlap, in the order given', () => {
  const files = expandLogPatterns(
    ['logs/api-2.log', 'logs/*.log', join(folder, 'logs', 'export.jsonl')],
    folder,
  );
  expect(files).toEqual([
    join(folder, 'logs', 'api-2.log'),
    join(folder, 'logs', 'api-1.log'),
    join(folder, 'logs', 'export.jsonl'),
  ]);
});

test('names the setting and the pattern when a glob matches nothing', () => {
  expect(() => expandLogPatterns(['logs/*.gz'], folder)).toThrow(
    'LOAD_BACKEND_LOGS: "logs/*.gz" matches no file',
  );
  expect(() => expandLogPatterns(['missing/*.log'], folder)).toThrow(
    'LOAD_BACKEND_LOGS: "missing/*.log" matches no file',
  );
});

test('names the setting and the path when a plain file is missing', () => {
  expect(() => expandLogPatterns(['logs/api-9.log'], folder)).toThrow(
    'LOAD_BACKEND_LOGS: no such file "logs/api-9.log"',
  );
});

test('refuses wildcards in folder names', () => {
  expect(() => expandLogPatterns(['*/api-1.log'], folder)).toThrow(
    'LOAD_BACKEND_LOGS: wildcards work in file names only (got "*/api-1.log")',
  );
});

test('scans every matched file, plain text and JSON lines alike', async () => {
  const result = await scanBackendLogs(['logs/api-*.log', 'logs/export.jsonl'], folder);
  expect(result.files).toHaveLength(3);
  expect(result.scan.total).toBe(4);
  expect(result.scan.messages).toHaveLength(1);
});

test('gives an empty scan for no patterns', async () => {
  expect(await scanBackendLogs([], folder)).toEqual({
    files: [],
    scan: { total: 0, messages: [] },
  });
});
