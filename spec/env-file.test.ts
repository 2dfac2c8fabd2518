import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { loadEnvFile } from '../src/env-file';

function envFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'env-file-')), 'settings.env');
  writeFileSync(path, text);
  return path;
}

test('reads the file LOAD_ENV_FILE names, quietly', () => {
  const env: NodeJS.ProcessEnv = { LOAD_ENV_FILE: envFile('LOAD_USERS=7\nLOAD_GROUPS=2\n') };
  loadEnvFile(env);
  expect(env).toMatchObject({ LOAD_USERS: '7', LOAD_GROUPS: '2' });
});

test('lets the environment win over the file', () => {
  const env: NodeJS.ProcessEnv = { LOAD_ENV_FILE: envFile('LOAD_USERS=7\n'), LOAD_USERS: '3' };
  loadEnvFile(env);
  expect(env.LOAD_USERS).toBe('3');
});

test('reads nothing from /dev/null, which is how the end-to-end tests skip a developer .env', () => {
  const env: NodeJS.ProcessEnv = { LOAD_ENV_FILE: '/dev/null' };
  loadEnvFile(env);
  expect(env).toEqual({ LOAD_ENV_FILE: '/dev/null' });
});
