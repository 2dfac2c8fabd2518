import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { expect, test } from '@playwright/test';

import { EXIT_BAD_FLAG, main } from '../../cli/theory-load';

import type { ChildProcess, SpawnOptions } from 'node:child_process';

const ROOT = resolve(__dirname, '../..');
const UUID_A = '00000000-0000-4000-8000-00000000000a';
const UUID_B = '00000000-0000-4000-8000-00000000000b';
const PLANTED_TOKEN = 'planted-token-7f3a9c';

class FakeChild extends EventEmitter {
  readonly killedWith: string[] = [];
  kill(signal: string): boolean {
    this.killedWith.push(signal);
    return true;
  }
}

function harness() {
  const child = new FakeChild();
  const calls: Array<{ command: string; args: readonly string[]; options: SpawnOptions }> = [];
  const output = { stdout: '', stderr: '' };
  const signals = new EventEmitter();
  const deps = {
    spawn: (command: string, args: readonly string[], options: SpawnOptions) => {
      calls.push({ command, args, options });
      return child as unknown as ChildProcess;
    },
    env: Object.freeze({ PATH: '/usr/bin', LOAD_USERS: '7' }),
    stdout: { write: (chunk: string) => (output.stdout += chunk) },
    stderr: { write: (chunk: string) => (output.stderr += chunk) },
    signals,
    playwrightCli: '/fake/playwright/cli.js',
  };
  return { child, calls, output, signals, deps };
}

test.describe('theory-load CLI', () => {
  test('maps every runbook flag onto its LOAD_ setting and runs playwright test with them', async () => {
    const { child, calls, deps } = harness();
    const args = Object.freeze([
      ...['--base-url', 'https://staging.example.com', '--token', PLANTED_TOKEN],
      ...['--project-ids', UUID_A, UUID_B, '--users', '100', '--spawn-interval', '0.15'],
      ...['--poll-interval', '5', '--pipeline-timeout', '1200', '--request-timeout', '30'],
      ...['--insecure', '--output', 'docs/load_test_100_users_results.json'],
    ]);

    const running = main(args, deps);
    child.emit('exit', 0, null);

    expect(await running).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toBe(process.execPath);
    expect(calls[0].args).toEqual(['/fake/playwright/cli.js', 'test']);
    expect(calls[0].options.stdio).toBe('inherit');
    expect(calls[0].options.env).toEqual({
      PATH: '/usr/bin',
      LOAD_BASE_URL: 'https://staging.example.com',
      LOAD_TOKEN: PLANTED_TOKEN,
      LOAD_PROJECT_IDS: `${UUID_A} ${UUID_B}`,
      LOAD_USERS: '100',
      LOAD_SPAWN_INTERVAL: '0.15',
      LOAD_POLL_INTERVAL: '5',
      LOAD_PIPELINE_TIMEOUT: '1200',
      LOAD_REQUEST_TIMEOUT: '30',
      LOAD_INSECURE: 'true',
      LOAD_OUTPUT: 'docs/load_test_100_users_results.json',
    });
  });

  test('leaves unset flags to the environment and passes Playwright options through in order', async () => {
    const { child, calls, deps } = harness();
    const args = Object.freeze([
      '--shard=1/4',
      '--workers',
      '2',
      '--project-ids',
      UUID_A,
      '--reporter=line',
      '--grep',
      'load',
      '--',
      'tests/load.spec.ts',
      '--users',
    ]);

    const running = main(args, deps);
    child.emit('exit', 0, null);
    await running;

    expect(calls[0].args.slice(2)).toEqual([
      '--shard=1/4',
      '--workers',
      '2',
      '--reporter=line',
      '--grep',
      'load',
      '--',
      'tests/load.spec.ts',
      '--users',
    ]);
    expect(calls[0].options.env?.LOAD_USERS).toBe('7');
    expect(calls[0].options.env?.LOAD_PROJECT_IDS).toBe(UUID_A);
  });

  test("exits with Playwright's exit code, or 128 + the signal that killed it", async () => {
    const failing = harness();
    const failed = main([], failing.deps);
    failing.child.emit('exit', 3, null);
    expect(await failed).toBe(3);

    const killed = harness();
    const interrupted = main([], killed.deps);
    killed.child.emit('exit', null, 'SIGTERM');
    expect(await interrupted).toBe(128 + 15);
  });

  test('forwards SIGINT and SIGTERM to Playwright and stops listening once it exits', async () => {
    const { child, signals, deps } = harness();

    const running = main([], deps);
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGTERM', 'SIGTERM');
    child.emit('exit', 130, null);
    await running;

    expect(child.killedWith).toEqual(['SIGINT', 'SIGTERM']);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  for (const { args, message } of [
    { args: ['--users', 'abc'], message: '--users expects a whole number >= 1 (got "abc")' },
    { args: ['--users', '0'], message: '--users expects a whole number >= 1 (got "0")' },
    { args: ['--users', '2.5'], message: '--users expects a whole number >= 1 (got "2.5")' },
    {
      args: ['--spawn-interval', '-1'],
      message: '--spawn-interval expects a number of seconds >= 0 (got "-1")',
    },
    {
      args: ['--poll-interval', '0'],
      message: '--poll-interval expects a number of seconds > 0 (got "0")',
    },
    {
      args: ['--pipeline-timeout', 'soon'],
      message: '--pipeline-timeout expects a number of seconds > 0 (got "soon")',
    },
    {
      args: ['--request-timeout'],
      message: '--request-timeout needs a value: <seconds> (got nothing)',
    },
    {
      args: ['--users', '--workers=2'],
      message: '--users needs a value: <n> (got the flag "--workers=2")',
    },
    {
      args: ['--base-url', 'ftp://host'],
      message:
        '--base-url expects an http:// or https:// URL without credentials (got "ftp://host")',
    },
    {
      args: ['--project-ids', UUID_A, 'not-a-uuid'],
      message: '--project-ids expects project UUIDs, space separated (got "not-a-uuid")',
    },
    { args: ['--insecure=false'], message: '--insecure takes no value (got "false")' },
  ]) {
    const rejected = args.join(' ');
    const how = 'with the bad-setting exit code, naming the flag, before starting Playwright';
    test(`rejects ${rejected} ${how}`, async () => {
      const { calls, output, deps } = harness();

      expect(await main(Object.freeze(args), deps)).toBe(EXIT_BAD_FLAG);

      expect(output.stderr).toContain(`theory-load: ${message}`);
      expect(output.stderr.split('\n').filter(Boolean)).toHaveLength(2);
      expect(calls).toHaveLength(0);
    });
  }

  test('never echoes the token in an error, even one that looks like a flag', async () => {
    for (const args of [
      ['--token', `-${PLANTED_TOKEN}`],
      ['--token', '  '],
    ]) {
      const { output, deps } = harness();
      expect(await main(args, deps)).toBe(EXIT_BAD_FLAG);
      expect(output.stderr).toContain('--token');
      expect(output.stderr).not.toContain(PLANTED_TOKEN);
    }
  });
});

test.describe('theory-load as a real process', () => {
  function runBin(args: string[]) {
    return spawnSync(process.execPath, [join(ROOT, 'bin/theory-load.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOAD_TOKEN: PLANTED_TOKEN },
      timeout: 60_000,
    });
  }

  test('--help lists every flag with its setting and default, and exits 0', () => {
    const result = runBin(['--help']);

    expect(result.status).toBe(0);
    for (const flag of [
      'base-url',
      'token',
      'project-ids',
      'users',
      'spawn-interval',
      'poll-interval',
      'pipeline-timeout',
      'request-timeout',
      'insecure',
      'output',
    ]) {
      expect(result.stdout).toContain(`--${flag}`);
    }
    expect(result.stdout.match(/LOAD_[A-Z_]+, default: /g)).toHaveLength(10);
    expect(result.stdout).not.toContain(PLANTED_TOKEN);
  });

  test('a bad value exits with the bad-setting code and one clear message and no Playwright output', () => {
    const result = runBin(['--token', PLANTED_TOKEN, '--users', 'abc']);

    expect(result.status).toBe(EXIT_BAD_FLAG);
    expect(result.stderr).toContain('theory-load: --users expects a whole number >= 1 (got "abc")');
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(PLANTED_TOKEN);
  });
});

test.describe('the load-test workflow', () => {
  const text = readFileSync(join(ROOT, '.github/workflows/load-test.yml'), 'utf8');
  // Playwright ships a YAML parser in its bundle; the project has no YAML package of its own.
  const { yaml } = createRequire(__filename)('playwright-core/lib/utilsBundle') as {
    yaml: { parse(source: string): Workflow };
  };
  const workflow = yaml.parse(text);

  test('is dispatched by hand with users, shards, spawn interval and pipeline timeout', () => {
    const inputs = Object.keys(workflow.on.workflow_dispatch.inputs);

    expect(inputs).toEqual(['users', 'shards', 'spawn_interval', 'pipeline_timeout']);
  });

  test('runs every shard on one start time, with the target from secrets and no fail-fast', () => {
    const load = workflow.jobs.load;

    expect(load.needs).toBe('plan');
    expect(load.strategy['fail-fast']).toBe(false);
    expect(load.strategy.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shard_list) }}');
    expect(load.env).toMatchObject({
      LOAD_BASE_URL: '${{ secrets.LOAD_BASE_URL }}',
      LOAD_TOKEN: '${{ secrets.LOAD_TOKEN }}',
      LOAD_PROJECT_IDS: '${{ secrets.LOAD_PROJECT_IDS }}',
      LOAD_START_AT: '${{ needs.plan.outputs.start_at }}',
      LOAD_GROUPS: '${{ needs.plan.outputs.groups }}',
    });
    const runs = load.steps.map((step) => step.run).filter(Boolean);
    expect(runs).toContain('npx playwright test --shard=${{ matrix.shard }}/${{ inputs.shards }}');
    const upload = load.steps.find((step) => step.uses === 'actions/upload-artifact@v4');
    expect(upload?.if).toBe('${{ !cancelled() }}');
    expect(upload?.with?.path).toBe('blob-report/');
  });

  test('merges all blobs, uploads the report and results, and fails on the merge exit code', () => {
    const merge = workflow.jobs.merge;
    const download = merge.steps.find((step) => step.uses === 'actions/download-artifact@v4');

    expect(merge.needs).toEqual(['plan', 'load']);
    expect(download?.with).toMatchObject({ path: 'all-blob-reports', 'merge-multiple': true });
    expect(merge.steps.map((step) => step.run)).toContain('npm run merge -- all-blob-reports');
    const uploads = merge.steps.filter((step) => step.uses === 'actions/upload-artifact@v4');
    expect(uploads.map((step) => step.with?.path)).toEqual(['playwright-report/', 'load-results/']);
    expect(uploads.every((step) => step.if === '${{ !cancelled() }}')).toBe(true);
  });

  test('installs with npm ci on Node 20 in every job that runs code', () => {
    for (const name of ['load', 'merge'] as const) {
      const steps = workflow.jobs[name].steps;
      expect(
        steps.find((step) => step.uses === 'actions/setup-node@v4')?.with?.['node-version'],
      ).toBe(20);
      expect(steps.some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    }
    expect(text).not.toContain('npm install');
  });

  test("the plan step's script gives a start time ahead by the margin and two groups per shard", () => {
    const script = workflow.jobs.plan.steps[0].run ?? '';
    const outputPath = join(mkdtempSync(join(tmpdir(), 'plan-')), 'output');
    const beforeMs = Date.now();

    const result = spawnSync('bash', ['-e', '-c', script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        SHARDS: '3',
        START_MARGIN_SECONDS: '240',
        GITHUB_OUTPUT: outputPath,
      },
    });

    expect(result.status).toBe(0);
    const outputs = Object.fromEntries(
      readFileSync(outputPath, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=')),
    );
    expect(outputs.shard_list).toBe('[1,2,3]');
    expect(outputs.groups).toBe('6');
    expect(Date.parse(outputs.start_at) - beforeMs).toBeGreaterThanOrEqual(240_000);
  });
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, unknown> } };
  jobs: {
    plan: { steps: WorkflowStep[] };
    load: {
      needs: string;
      strategy: { 'fail-fast': boolean; matrix: { shard: string } };
      env: Record<string, string>;
      steps: WorkflowStep[];
    };
    merge: { needs: string[]; steps: WorkflowStep[] };
  };
}
