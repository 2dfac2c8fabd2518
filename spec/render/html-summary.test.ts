import { existsSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { chromium, expect, test } from '@playwright/test';

import { binValues } from '../../src/render/html/histogram';
import { countInFlight } from '../../src/render/html/in-flight';
import { MAX_SCATTER_POINTS } from '../../src/render/html/latency-scatter';
import { renderHtmlSummary } from '../../src/render/html-summary';
import { aggregateRuns } from '../../src/results';
import {
  deepFreeze,
  mixedRun,
  publicSettings,
  requestSample,
  T0_MS,
  userRecord,
} from '../helpers/records';

import type { Advice, RunResults, UserRecord, Verdict } from '../../src/records';
import type { AggregateContext } from '../../src/results';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'&`;

const failedVerdict: Verdict = deepFreeze({
  passed: false,
  judged: true,
  deferred: false,
  reason: 'completed 60.0% is below 95%',
  criteria: [
    {
      name: 'enqueue_p95_ms',
      value: 812.345,
      bound: '< 1.50 s',
      passed: true,
      detail: '56 answers',
    },
    { name: 'completed_ratio', value: 0.6, bound: '>= 95.0%', passed: false, detail: '33 of 60' },
  ],
  warnings: ['4 users shared a reused task'],
  unsupported: {
    total: 2,
    in_tasks: 2,
    in_logs: 0,
    log_patterns: [],
    messages: [
      { message: HOSTILE, form: 'provider', param: 'temperature', count: 2, task_ids: ['task-3'] },
    ],
  },
});

const timeoutAdvice: Advice[] = deepFreeze([
  {
    rule: 'timeouts',
    source: 'runbook',
    message: 'Timeouts rose: give each worker fewer pipelines.',
    changes: { THEORY_LOCAL_MAX_CONCURRENT_TASKS: '3', THEORY_STATUS_POLL_HINT_SECONDS: '6' },
    evidence: ['timeout 20.0% of users'],
  },
]);

function summarize(records: readonly UserRecord[], context: Partial<AggregateContext> = {}) {
  return aggregateRuns(records, {
    settings: publicSettings({ users: records.length, project_ids: ['p1', 'p2', 'p3'] }),
    shard: null,
    shardsMerged: 1,
    interrupted: false,
    aborted: false,
    partialReasons: [],
    ...context,
  });
}

function withJudgement(results: RunResults): RunResults {
  return deepFreeze({ ...results, verdict: failedVerdict, advice: timeoutAdvice });
}

// The page check runs in the browser; the project's TypeScript has no DOM types.
interface SvgPath {
  getTotalLength(): number;
}

function count(html: string, fragment: string): number {
  return html.split(fragment).length - 1;
}

test.describe('renderHtmlSummary', () => {
  test('escapes hostile error texts, project ids, target and advice so no markup gets through', () => {
    const records = [
      userRecord({ user: 0, outcome: 'failed', error: HOSTILE, project_id: `"><svg onload=x>` }),
    ];
    const results = deepFreeze({
      ...aggregateRuns(records, {
        settings: publicSettings({ base_url: `http://<b>evil</b>/api`, users: 1 }),
        shard: null,
        shardsMerged: 1,
        interrupted: false,
        aborted: false,
        partialReasons: [HOSTILE],
      }),
      verdict: { ...failedVerdict, reason: HOSTILE },
      advice: [
        { rule: HOSTILE, message: HOSTILE, changes: { [HOSTILE]: HOSTILE }, evidence: [HOSTILE] },
      ],
    });

    const html = renderHtmlSummary(results);

    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>evil');
    expect(html).not.toContain('"><svg onload');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=x&gt;');
  });

  test('says the run was not judged when the results carry no verdict or advice', () => {
    const html = renderHtmlSummary(summarize(mixedRun(10, 1)));

    expect(html).toContain('verdict-not-judged');
    expect(html).toContain('NOT JUDGED');
    expect(html).toContain('These results carry no tuning advice.');
  });

  test('shows a failed verdict with its reason, criteria, warnings and the advice', () => {
    const html = renderHtmlSummary(withJudgement(summarize(mixedRun(10, 1))));

    expect(html).toContain('verdict-failed');
    expect(html).toContain('completed 60.0% is below 95%');
    expect(html).toContain('<td class="num">812 ms</td>');
    expect(html).toContain('4 users shared a reused task');
    expect(html).toContain('THEORY_LOCAL_MAX_CONCURRENT_TASKS=3');
  });

  test('says a single shard defers its verdict to the merge', () => {
    const deferred = {
      ...failedVerdict,
      passed: null,
      judged: false,
      deferred: true,
      reason: null,
    };
    const html = renderHtmlSummary(deepFreeze({ ...summarize(mixedRun(5, 1)), verdict: deferred }));

    expect(html).toContain('verdict-deferred');
    expect(html).toContain('the merge judges the whole run');
  });

  test('renders an empty run with no charts and says there was nothing to draw', () => {
    const html = renderHtmlSummary(summarize([]));

    expect(html).not.toContain('<svg');
    expect(html).toContain('No enqueue was answered.');
    expect(html).toContain('No requests were recorded.');
    expect(html).toContain('No user started.');
  });

  test('warns about a partial run with each of its reasons', () => {
    const records = [userRecord({ user: 0 }), userRecord({ user: 1, outcome: 'unfinished' })];
    const html = renderHtmlSummary(
      summarize(records, { partialReasons: ['shard 2 of 2 missing'] }),
    );

    expect(html).toContain('Partial run');
    expect(html).toContain('shard 2 of 2 missing');
  });

  test('draws every request below the cap and no downsampling note', () => {
    const results = summarize(mixedRun(40, 2));
    const html = renderHtmlSummary(results);

    expect(count(html, 'class="point ')).toBe(results.requests);
    expect(html).not.toContain('class="muted downsampled"');
  });

  test('downsamples 10,000 users x 12 requests to the cap, the same way every time', () => {
    const records = Array.from({ length: 10_000 }, (_, user) => {
      const startMs = T0_MS + user * 15;
      const requests = Array.from({ length: 12 }, (_, index) =>
        requestSample({
          kind: index === 0 ? 'enqueue' : 'poll',
          start_ms: startMs + index * 5_000,
          duration_ms: 5 + ((user * 31 + index * 17) % 400),
        }),
      );
      return userRecord({ user, actual_start_ms: startMs, end_ms: startMs + 60_000, requests });
    });
    const results = summarize(records);

    const html = renderHtmlSummary(results);

    expect(count(html, 'class="point ')).toBe(MAX_SCATTER_POINTS);
    expect(html).toContain('Showing 5,000 of 120,000 requests');
    expect(html.length).toBeLessThan(1_500_000);
    expect(renderHtmlSummary(results)).toBe(html);
  });
});

test.describe('chart helpers', () => {
  test('bins values by a round width from zero and keeps empty bins between them', () => {
    expect(binValues(deepFreeze([5, 12, 18, 41]), 5)).toEqual([
      { fromMs: 0, toMs: 10, count: 1 },
      { fromMs: 10, toMs: 20, count: 2 },
      { fromMs: 20, toMs: 30, count: 0 },
      { fromMs: 30, toMs: 40, count: 0 },
      { fromMs: 40, toMs: 50, count: 1 },
    ]);
  });

  test('counts users in flight from actual start to end, unfinished ones until the end', () => {
    const records = deepFreeze([
      userRecord({ user: 0, actual_start_ms: T0_MS, end_ms: T0_MS + 4_000 }),
      userRecord({ user: 1, actual_start_ms: T0_MS + 1_000, end_ms: T0_MS + 2_000 }),
      userRecord({ user: 2, outcome: 'unfinished', actual_start_ms: T0_MS + 1_000, end_ms: null }),
      userRecord({ user: 3, outcome: 'not_started', actual_start_ms: null, end_ms: null }),
    ]);

    const steps = countInFlight(records, { originMs: T0_MS, endMs: T0_MS + 6_000 });

    expect(steps).toEqual([
      { secondsFromStart: 0, users: 1 },
      { secondsFromStart: 1, users: 3 },
      { secondsFromStart: 2, users: 2 },
      { secondsFromStart: 4, users: 1 },
      { secondsFromStart: 6, users: 0 },
    ]);
  });
});

test.describe('summary page in Chromium', () => {
  test('draws every chart offline with no console errors and no request leaving the page', async () => {
    const testInfo = test.info();
    expect(
      existsSync('/usr/bin/chromium'),
      'needs Debian chromium: apt-get install -y chromium',
    ).toBe(true);
    const results = withJudgement(summarize(mixedRun(60, 7)));
    const pagePath = testInfo.outputPath('summary.html');
    writeFileSync(pagePath, renderHtmlSummary(results));
    const expectedBars = binValues(
      results.runs.flatMap((run) => (run.enqueue_ms === null ? [] : [run.enqueue_ms])),
      30,
    ).filter((bin) => bin.count > 0).length;

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://')) return route.continue();
        problems.push(`request left the page: ${url}`);
        return route.abort();
      });

      await page.goto(pathToFileURL(pagePath).href);

      await expect(page.locator('svg.histogram rect.bar')).toHaveCount(expectedBars);
      await expect(page.locator('svg.scatter .point')).toHaveCount(results.requests);
      await expect(page.locator('svg.scatter rect.point.enqueue')).toHaveCount(60);
      await expect(page.locator('svg.in-flight-chart path.in-flight')).toHaveCount(1);
      const pathLength = await page
        .locator('path.in-flight')
        .evaluate((path) => (path as unknown as SvgPath).getTotalLength());
      expect(pathLength).toBeGreaterThan(100);
      await expect(page.locator('table.per-project tbody tr')).toHaveCount(3);
      await expect(page.locator('.verdict-failed')).toBeVisible();
      for (const table of await page.locator('table').all()) {
        const headerCells = await table.locator('thead th').count();
        const firstRowCells = await table.locator('tbody tr').first().locator('td').count();
        expect(firstRowCells, (await table.getAttribute('class')) ?? 'table').toBe(headerCells);
      }

      const screenshotPath = testInfo.outputPath('summary.png');
      await page.screenshot({ path: screenshotPath, fullPage: true });
      await testInfo.attach('summary page', { path: screenshotPath, contentType: 'image/png' });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
