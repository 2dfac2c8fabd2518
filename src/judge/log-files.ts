// The judge's only I/O: find the backend log files LOAD_BACKEND_LOGS names and scan them.
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { SettingError } from '../setting-parse';
import { EMPTY_SCAN, mergeScans, scanLogText } from './unsupported-scan';

import type { UnsupportedScan } from './unsupported-scan';

const SETTING = 'LOAD_BACKEND_LOGS';
const WILDCARD = /[*?]/;

export interface LogScan {
  /** Absolute paths of the files read, in the order scanned. */
  files: string[];
  scan: UnsupportedScan;
}

/**
 * Expands files and globs into existing files, sorted within each pattern, without duplicates.
 * `*` and `?` work in the last path segment only (`logs/backend-*.jsonl`): enough for a folder
 * of exported logs, and small enough to need no glob library on Node 20.
 *
 * @throws {Error} naming LOAD_BACKEND_LOGS and the pattern when a glob matches nothing, a file
 * is missing, or a wildcard sits in a folder name.
 */
export function expandLogPatterns(patterns: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    for (const file of expandOne(pattern, cwd)) {
      if (!files.includes(file)) files.push(file);
    }
  }
  return files;
}

/** Reads every file the patterns name and scans it for unsupported_parameter. */
export async function scanBackendLogs(
  patterns: readonly string[],
  cwd = process.cwd(),
): Promise<LogScan> {
  const files = expandLogPatterns(patterns, cwd);
  // Whole-file reads: a JSON-array export can only be parsed whole, and exports are modest.
  const scans = await Promise.all(
    files.map(async (file) => scanLogText(await readFile(file, 'utf8'))),
  );
  return { files, scan: scans.length === 0 ? EMPTY_SCAN : mergeScans(...scans) };
}

/** Whether a file name matches a pattern of literal characters, `*` and `?`. */
export function matchesWildcard(name: string, pattern: string): boolean {
  const source = [...pattern]
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(name);
}

function expandOne(pattern: string, cwd: string): string[] {
  const absolute = resolve(cwd, pattern);
  const folder = dirname(absolute);
  const namePattern = basename(absolute);

  if (WILDCARD.test(folder)) {
    throw new SettingError(`${SETTING}: wildcards work in file names only (got "${pattern}")`);
  }
  if (!WILDCARD.test(namePattern)) {
    if (!isFile(absolute)) throw new SettingError(`${SETTING}: no such file "${pattern}"`);
    return [absolute];
  }

  const matches = listFolder(folder)
    .filter((name) => matchesWildcard(name, namePattern))
    .map((name) => join(folder, name))
    .filter((file) => isFile(file))
    .sort();
  if (matches.length === 0) throw new SettingError(`${SETTING}: "${pattern}" matches no file`);
  return matches;
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
