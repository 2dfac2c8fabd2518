// `npx theory-load --help`: every runbook flag with its setting and default. Built from the
// flag table so the help cannot drift from what the parser accepts. Defaults are described,
// never printed from the environment, so no token can appear here.
import { INSECURE_FLAG, VALUE_FLAGS } from './flags';

export function renderHelp(): string {
  const rows = [
    ...VALUE_FLAGS.map((flag) => ({
      usage: `--${flag.name} ${flag.valueLabel}`,
      purpose: flag.purpose,
      setting: flag.setting,
      defaultText: flag.defaultText,
    })),
    {
      usage: `--${INSECURE_FLAG.name}`,
      purpose: INSECURE_FLAG.purpose,
      setting: INSECURE_FLAG.setting,
      defaultText: INSECURE_FLAG.defaultText,
    },
    { usage: '-h, --help', purpose: 'show this help', setting: '', defaultText: '' },
  ];
  const width = Math.max(...rows.map((row) => row.usage.length)) + 2;
  const flagLines = rows.flatMap((row) => {
    const lines = [`  ${row.usage.padEnd(width)}${row.purpose}`];
    if (row.setting) {
      lines.push(`  ${''.padEnd(width)}${row.setting}, default: ${row.defaultText}`);
    }
    return lines;
  });

  return [
    'Usage: npx theory-load [flags] [playwright test options] [-- playwright test arguments]',
    '',
    "Runs the load test (`playwright test`) with the runbook script's flags. Each flag sets",
    'the LOAD_* setting named under it; a flag left out falls back to the environment and',
    '.env, then to the default shown.',
    '',
    ...flagLines,
    '',
    'Everything else goes to `playwright test` unchanged, in order: --shard=1/4, --workers=2,',
    '--grep <regex>, and anything after `--`. Put test filters after `--`, since',
    '--project-ids takes every plain word that follows it. A --reporter list must keep',
    './reporters/load-reporter.ts, which writes the results. See npx playwright test --help.',
    '',
    'Example:',
    '  npx theory-load --base-url https://staging.example.com --token "$TOKEN" \\',
    '    --project-ids <uuid-1> <uuid-2> --users 100 --spawn-interval 0.15 --poll-interval 5 \\',
    '    --pipeline-timeout 1200 --output docs/load_test_100_users_results.json',
    '',
    'Exit codes: 0 every criterion passed, 2 a criterion failed, 3 not judged (interrupted,',
    '  aborted, nobody finished or the harness broke), 4 a bad flag or setting (nothing sent).',
    '',
  ].join('\n');
}
