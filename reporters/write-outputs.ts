// The reporter's only I/O: the results JSON and the HTML summary on disk, the Markdown job
// summary when CI asks for one, and the human summary on stdout. Every byte written passes the
// redactor, as a last line of defence behind the flow's own scrubbing.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { renderConsoleSummary } from '../src/render/console-summary';
import { renderHtmlSummary } from '../src/render/html-summary';
import { renderMarkdownSummary } from '../src/render/markdown-summary';

import type { RunResults } from '../src/records';

export interface OutputOptions {
  outputPath: string;
  redact: (text: string) => string;
  harnessErrors: readonly string[];
}

export interface WrittenOutputs {
  resultsPath: string;
  summaryHtmlPath: string;
}

export async function writeRunOutputs(
  results: RunResults,
  options: OutputOptions,
): Promise<WrittenOutputs> {
  const { redact } = options;
  const resultsPath = resolve(options.outputPath);
  const summaryHtmlPath = join(dirname(resultsPath), 'summary.html');
  await mkdir(dirname(resultsPath), { recursive: true });
  await writeFile(resultsPath, redact(JSON.stringify(results, null, 2)) + '\n');
  await writeFile(summaryHtmlPath, redact(renderHtmlSummary(results)));

  // GitHub Actions shows whatever a step appends to this file on the run's page.
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) await appendFile(stepSummary, redact(renderMarkdownSummary(results)) + '\n');

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const summary = renderConsoleSummary(results, { color, outputPath: resultsPath });
  const harness = options.harnessErrors.map((error) => `harness error: ${error}`);
  process.stdout.write(redact([summary, ...harness].join('\n')) + '\n');
  return { resultsPath, summaryHtmlPath };
}
