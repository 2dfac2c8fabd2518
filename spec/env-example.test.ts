// .env.example is the settings reference people copy: every setting the code reads must be in
// it, and every default it shows must be the code's real default.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { readSimSettings } from '../simulator/settings';
import { readJudgeSettings } from '../src/judge/settings';
import { readSettings } from '../src/settings';
import { PROJECT_ROOT } from './helpers/load-run';

const EXAMPLE = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');

/** `NAME=value` lines, set or commented out, as [name, value, commented]. */
function exampleEntries(): [string, string, boolean][] {
  return [...EXAMPLE.matchAll(/^(# )?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[2], m[3], !!m[1]]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

test('lists every LOAD_ and SIM_ setting the code reads', () => {
  const listed = new Set(exampleEntries().map(([name]) => name));
  const read = new Set<string>();
  for (const file of ['src', 'simulator', 'fixtures', 'reporters'].flatMap((d) =>
    sourceFiles(join(PROJECT_ROOT, d)),
  )) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'((?:LOAD|SIM)_[A-Z0-9_]+)'/g))
      read.add(match[1]);
  }
  // Set by the global setup for the workers, not by people.
  read.delete('LOAD_PROGRESS_DIR');
  expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
});

test('every default it shows is the default the code uses', () => {
  const defaults = {
    load: readSettings({}),
    judge: readJudgeSettings({}),
    sim: readSimSettings({}),
  };
  for (const [name, value, commented] of exampleEntries()) {
    if (commented) continue;
    const env = { [name]: value };
    expect(
      { load: readSettings(env), judge: readJudgeSettings(env), sim: readSimSettings(env) },
      name,
    ).toEqual(defaults);
  }
});
