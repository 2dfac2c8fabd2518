// The page's only stylesheet, inlined: the summary must open offline, from a CI artifact or an
// attachment, so it uses system fonts and no external resource of any kind.
export const SUMMARY_CSS = `
:root { color-scheme: light; --ink: #1a202c; --muted: #5a6473; --line: #e2e8f0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px; color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p { margin: 6px 0; }
code, pre { font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; max-width: 520px; }
.muted { color: var(--muted); }
.meta { color: var(--muted); margin: 0; }
.verdict, .partial { border-radius: 6px; padding: 10px 14px; margin: 14px 0; }
.verdict strong { font-size: 16px; }
.verdict-passed { background: #e6f4ea; border: 1px solid #2f855a; }
.verdict-failed { background: #fdecec; border: 1px solid #c53030; }
.verdict-not-judged { background: #f1f3f6; border: 1px solid #a0aec0; }
.partial { background: #fff7e0; border: 1px solid #d69e2e; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; background: #f7f8fa; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 14px; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: #edf0f4; stroke-width: 1; }
.chart .plot-border { fill: none; stroke: #cbd5e0; }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .axis-title { font-size: 12px; fill: var(--ink); }
.chart .bar { fill: #4a7fc1; }
.chart .point { fill-opacity: 0.7; }
.chart .in-flight { fill: none; stroke: #2b6cb0; stroke-width: 1.5; }
.advice-item { margin-bottom: 10px; }
.changes code { background: #f1f3f6; padding: 1px 4px; border-radius: 3px; }
`;
