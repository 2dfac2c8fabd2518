// Request validation with FastAPI + pydantic v2's 422 items ({type, loc, msg, input, ctx?}):
// the path's project_id must be a UUID, and the enqueue body must be a JSON object whose two
// optional fields coerce the way pydantic's lax mode coerces them.

import { parseUuid } from './uuid';

import type { TaskRequest } from './task';

export interface ValidationIssue {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const TRUE_WORDS = ['1', 'on', 't', 'true', 'y', 'yes'];
const FALSE_WORDS = ['0', 'off', 'f', 'false', 'n', 'no'];

export function checkProjectId(raw: string): { projectId: string } | { issue: ValidationIssue } {
  const parsed = parseUuid(raw);
  if ('uuid' in parsed) return { projectId: parsed.uuid };
  return {
    issue: {
      type: 'uuid_parsing',
      loc: ['path', 'project_id'],
      msg: `Input should be a valid UUID, ${parsed.reason}`,
      input: raw,
      ctx: { error: parsed.reason },
    },
  };
}

/**
 * Parses the raw body; an empty body is "no body" (a `missing` error later), and text that is
 * not JSON gives the json_invalid item that FastAPI reports before it even looks at auth.
 */
export function parseJsonBody(raw: string): { body: unknown } | { issue: ValidationIssue } {
  if (raw.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(raw) as unknown };
  } catch (error) {
    const { position, reason } = pythonJsonError(raw, error);
    const issue: ValidationIssue = {
      type: 'json_invalid',
      loc: ['body', position],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: reason },
    };
    return { issue };
  }
}

export function checkEnqueueBody(
  body: unknown,
): { request: TaskRequest } | { issues: ValidationIssue[] } {
  if (body === undefined || body === null) {
    return { issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from';
    return { issues: [{ type: 'model_attributes_type', loc: ['body'], msg, input: body }] };
  }

  const fields = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  // An explicit null is a type error, not "use the default": only an absent key defaults.
  const given = (key: string, fallback: unknown) =>
    Object.hasOwn(fields, key) ? fields[key] : fallback;
  const minInterviews = coerceInteger(given('min_interviews', 5), issues);
  const useModelRouter = coerceBoolean(given('use_model_router', true), issues);
  if (issues.length > 0) return { issues };
  return { request: { minInterviews: minInterviews ?? 5, useModelRouter: useModelRouter ?? true } };
}

function coerceInteger(input: unknown, issues: ValidationIssue[]): number | undefined {
  const loc = ['body', 'min_interviews'];
  if (typeof input === 'boolean') return input ? 1 : 0;
  if (typeof input === 'number') {
    if (Number.isInteger(input)) return input;
    const msg = 'Input should be a valid integer, got a number with a fractional part';
    issues.push({ type: 'int_from_float', loc, msg, input });
    return undefined;
  }
  if (typeof input === 'string') {
    if (/^\s*[+-]?\d+\s*$/.test(input)) return Number(input);
    const msg = 'Input should be a valid integer, unable to parse string as an integer';
    issues.push({ type: 'int_parsing', loc, msg, input });
    return undefined;
  }
  issues.push({ type: 'int_type', loc, msg: 'Input should be a valid integer', input });
  return undefined;
}

function coerceBoolean(input: unknown, issues: ValidationIssue[]): boolean | undefined {
  const loc = ['body', 'use_model_router'];
  if (typeof input === 'boolean') return input;
  if (input === 0 || input === 1) return input === 1;
  const word = typeof input === 'string' ? input.trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE_WORDS.includes(word)) return true;
  if (word !== undefined && FALSE_WORDS.includes(word)) return false;
  if (typeof input === 'string' || typeof input === 'number') {
    const msg = 'Input should be a valid boolean, unable to interpret input';
    issues.push({ type: 'bool_parsing', loc, msg, input });
    return undefined;
  }
  issues.push({ type: 'bool_type', loc, msg: 'Input should be a valid boolean', input });
  return undefined;
}

/** Python's json module words for the commonest mistakes, and where it stopped reading. */
function pythonJsonError(raw: string, error: unknown): { position: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const position = at === null ? raw.length : Number(at[1]);
  let reason = 'Expecting value';
  if (/property name/i.test(message)) reason = 'Expecting property name enclosed in double quotes';
  else if (/after JSON/i.test(message)) reason = 'Extra data';
  else if (/Expected ',' or/i.test(message)) reason = "Expecting ',' delimiter";
  else if (/Unterminated string/i.test(message)) reason = 'Unterminated string starting at';
  return { position, reason };
}
