// One way to draw a table, so every table on the page escapes its cells the same way: plain
// strings are always escaped; only cells built by this package's own helpers pass as markup.
import { escapeHtml } from './escape';

/** Markup made by a helper of this package (a swatch, a code span), never text from results. */
export interface TrustedHtml {
  html: string;
}

export type Cell = string | TrustedHtml;

export interface Column {
  label: string;
  /** Figures align right so their digits line up. */
  numeric?: boolean;
}

/** A `<table>` with one header row; `className` lets the page check find it. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  className: string,
): string {
  const head = columns
    .map((column) => `<th${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`)
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, index) => {
        const numeric = columns[index]?.numeric ? ' class="num"' : '';
        return `<td${numeric}>${renderCell(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Wraps markup this package produced so `renderTable` places it as is. */
export function trusted(html: string): TrustedHtml {
  return { html };
}

function renderCell(cell: Cell): string {
  return typeof cell === 'string' ? escapeHtml(cell) : cell.html;
}
