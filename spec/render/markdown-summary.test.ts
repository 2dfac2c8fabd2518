import { expect, test } from '@playwright/test';

import { renderMarkdownSummary } from '../../src/render/markdown-summary';
import { aggregateRuns } from '../../src/results';
import { deepFreeze, mixedRun, publicSettings, userRecord } from '../helpers/records';

import type { RunResults, UserRecord } from '../../src/records';

function summarize(records: readonly UserRecord[], partialReasons: string[] = []): RunResults {
  return aggregateRuns(records, {
    settings: publicSettings({ users: records.length }),
    shard: null,
    shardsMerged: 1,
    interrupted: false,
    aborted: false,
    partialReasons,
  });
}

const passedVerdict = deepFreeze({
  passed: true,
  judged: true,
  deferred: false,
  reason: null,
  criteria: [
    { name: 'enqueue_p95_ms', value: 312.98765, bound: '< 1.50 s', passed: true, detail: '' },
  ],
  warnings: [],
});

test('puts the verdict first, then headline figures and the advice with its settings', () => {
  const results = deepFreeze({
    ...summarize(mixedRun(20, 4)),
    verdict: passedVerdict,
    advice: [
      {
        rule: 'timeouts',
        message: 'Timeouts rose.',
        changes: { THEORY_LOCAL_MAX_CONCURRENT_TASKS: '3' },
        evidence: ['timeout 20.0%'],
      },
    ],
  });

  const markdown = renderMarkdownSummary(results);

  expect(markdown.split('\n')[0]).toBe('## ✅ theory-load: PASSED');
  expect(markdown).toContain('| users | 20 |');
  expect(markdown).toMatch(/\| enqueue p50 \/ p95 \/ max \| \d[\d,.]* ms \/ /);
  expect(markdown).toContain('| enqueue_p95_ms | 313 ms | &lt; 1.50 s | pass |');
  expect(markdown).toContain('- **timeouts**: Timeouts rose.');
  expect(markdown).toContain('  - `THEORY_LOCAL_MAX_CONCURRENT_TASKS=3`');
});

test('says a run without a verdict was not judged and shows no advice section', () => {
  const markdown = renderMarkdownSummary(summarize([userRecord()]));

  expect(markdown).toContain('## ⚪ theory-load: not judged');
  expect(markdown).toContain('These results carry no verdict.');
  expect(markdown).not.toContain('Tuning advice');
});

test('keeps hostile text inert: no raw HTML, no broken table cells, no line breaks', () => {
  const hostile = '<img src=x onerror=alert(1)> | x\n## injected';
  const results = deepFreeze({
    ...summarize([userRecord()], [hostile]),
    verdict: { ...passedVerdict, passed: false, reason: hostile },
  });

  const markdown = renderMarkdownSummary(results);

  expect(markdown).not.toContain('<img');
  expect(markdown).not.toMatch(/^## injected/m);
  expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt; \\| x ## injected');
  expect(markdown).toContain('> **Partial run:**');
});

test('renders an empty run with n/a instead of zero latencies', () => {
  const markdown = renderMarkdownSummary(summarize([]));

  expect(markdown).toContain('| users | 0 |');
  expect(markdown).toContain('| enqueue p50 / p95 / max | n/a / n/a / n/a |');
});
