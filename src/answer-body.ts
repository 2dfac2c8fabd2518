// Reading what a backend answered: a JSON object when there is one, and a short, never-empty
// detail for error outcomes (FastAPI puts it under `detail`).

/** Longest detail kept from an error answer, as in the runbook's script. */
const DETAIL_CHARS = 500;

/** The answer as a JSON object, or null for anything else (malformed JSON, arrays, scalars). */
export function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The `detail` of a FastAPI error body when there is one, else the raw text; never empty. */
export function detailOf(text: string): string {
  const detail = parseObject(text)?.detail;
  const shown =
    detail === undefined ? text : typeof detail === 'string' ? detail : JSON.stringify(detail);
  return shown.trim() === '' ? '(empty body)' : shown.slice(0, DETAIL_CHARS);
}
