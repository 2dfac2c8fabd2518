// The run summary as one self-contained HTML page (summary.html beside the results JSON): no
// script, no font, no request of any kind, so it opens the same from a CI artifact, a
// Playwright report attachment or a laptop offline. Pure: results in, a string out.
import { renderAdviceSection } from './html/advice-section';
import { renderErrorsSection } from './html/errors-section';
import { escapeHtml } from './html/escape';
import { renderHistogram } from './html/histogram';
import { renderInFlightChart } from './html/in-flight';
import { renderLatencyScatter } from './html/latency-scatter';
import { renderOutcomeLegend } from './html/outcome-colors';
import { renderLatencyTable, renderProjectTable, renderStatusTable } from './html/run-tables';
import { SUMMARY_CSS } from './html/styles';
import { findTimeline } from './html/timeline';
import { renderVerdictSection } from './html/verdict-section';
import { formatCount, formatMs } from '../format';
import { OUTCOMES } from '../records';

import type { RunResults } from '../records';
import type { Timeline } from './html/timeline';

// Inline styles only and nothing to fetch: the policy makes any stray reference fail loudly in
// the browser instead of leaking a request from a page that may hold internal hostnames.
const CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Renders the whole summary page. Every string from `results` is escaped; the scatter shows at
 * most MAX_SCATTER_POINTS requests and says so when it shows fewer.
 *
 * Complexity: O(users + requests log requests). Throws nothing for a well-formed RunResults.
 */
export function renderHtmlSummary(results: RunResults): string {
  const timeline = findTimeline(results);
  const sections = [
    renderHeader(results),
    renderPartialWarning(results),
    renderVerdictSection(results.verdict),
    section('Outcomes', renderStatusTable(results)),
    section('Latency percentiles', renderLatencyTable(results)),
    section('Enqueue latency', renderEnqueueHistogram(results)),
    section('Requests over time', renderRequestsOverTime(results, timeline)),
    section('Users in flight', renderUsersInFlight(results, timeline)),
    section('Projects', renderProjectTable(results)),
    section('Errors', renderErrorsSection(results)),
    section('Tuning advice', renderAdviceSection(results.advice)),
    renderFooter(results),
  ];

  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>theory-load: ${formatCount(results.users)} users</title>` +
    `<style>${SUMMARY_CSS}</style></head>\n<body>\n${sections.join('\n')}\n</body></html>\n`
  );
}

function section(title: string, bodyHtml: string): string {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${bodyHtml}</section>`;
}

function renderHeader(results: RunResults): string {
  const settings = results.settings;
  const target = settings
    ? `${settings.simulator ? 'simulator at ' : ''}${settings.base_url}`
    : 'target unknown';
  const when = results.started_at ? `${results.started_at} → ${results.ended_at ?? '?'}` : '';
  const facts = [
    `${formatCount(results.users)} users`,
    `${formatCount(results.requests)} requests`,
    `${formatMs(results.wall_time_seconds * 1000)} wall time`,
    results.shards_merged > 1 ? `${results.shards_merged} shards merged` : '',
    results.shard ? `shard ${results.shard.current} of ${results.shard.total}` : '',
  ].filter((fact) => fact !== '');
  const knobs = settings
    ? `spawn interval ${settings.spawn_interval_s} s · poll interval ${settings.poll_interval_s} s · ` +
      `pipeline timeout ${settings.pipeline_timeout_s} s · request timeout ` +
      `${settings.request_timeout_s} s${settings.insecure ? ' · TLS checks off' : ''}`
    : '';
  return (
    '<header><h1>theory-load run summary</h1>' +
    `<p class="meta">${escapeHtml(target)}${when ? ` · ${escapeHtml(when)}` : ''}</p>` +
    `<p class="meta">${escapeHtml(facts.join(' · '))}</p>` +
    (knobs ? `<p class="meta">${escapeHtml(knobs)}</p>` : '') +
    '</header>'
  );
}

function renderPartialWarning(results: RunResults): string {
  if (!results.partial && !results.interrupted && !results.aborted) return '';
  const reasons = [...results.partial_reasons];
  if (results.interrupted) reasons.push('The run was interrupted.');
  if (results.aborted) reasons.push('The run was aborted before every user started.');
  const items = reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  return (
    '<div class="partial" role="alert"><strong>Partial run: these figures do not cover every ' +
    `scheduled user.</strong><ul>${items}</ul></div>`
  );
}

function renderEnqueueHistogram(results: RunResults): string {
  const enqueueMs = results.runs
    .map((run) => run.enqueue_ms)
    .filter((value): value is number => value !== null);
  if (enqueueMs.length === 0) return '<p class="muted">No enqueue was answered.</p>';
  return renderHistogram(enqueueMs, 'Histogram of enqueue latency');
}

function renderRequestsOverTime(results: RunResults, timeline: Timeline | null): string {
  const scatter = timeline ? renderLatencyScatter(results.runs, timeline) : null;
  if (scatter === null) return '<p class="muted">No requests were recorded.</p>';

  const present = OUTCOMES.filter((outcome) => results.runs.some((run) => run.outcome === outcome));
  const note =
    scatter.shownPoints < scatter.totalPoints
      ? `<p class="muted downsampled">Showing ${formatCount(scatter.shownPoints)} of ` +
        `${formatCount(scatter.totalPoints)} requests: the ${formatCount(scatter.slowestPoints)} ` +
        'slowest, and an even spread of the rest by user and start order. The tables above use ' +
        'every request.</p>'
      : '';
  return (
    '<p class="muted">Squares are enqueue POSTs, dots are status polls; the colour is how the ' +
    'user ended.</p>' +
    renderOutcomeLegend(present) +
    scatter.svg +
    note
  );
}

function renderUsersInFlight(results: RunResults, timeline: Timeline | null): string {
  const chart = timeline ? renderInFlightChart(results.runs, timeline) : '';
  return chart || '<p class="muted">No user started.</p>';
}

function renderFooter(results: RunResults): string {
  return (
    `<footer><p class="muted">Percentiles: ${escapeHtml(results.percentile_method)}</p>` +
    `<p class="muted">${escapeHtml(results.format)}</p></footer>`
  );
}
