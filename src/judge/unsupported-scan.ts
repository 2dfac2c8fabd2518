// Finds `unsupported_parameter` in failed tasks and backend log lines. The backend heals most of
// these itself and only logs a warning, so the literal code shows up in provider error text and
// the self-healing form ("rejected max_tokens - switching ...") in the logs: both count.
import { distinctTaskRuns } from './run-signals';

import type { UnsupportedMessage, UserRecord } from '../records';

export interface UnsupportedScan {
  total: number;
  /** Distinct masked messages, most frequent first. */
  messages: UnsupportedMessage[];
}

export const EMPTY_SCAN: UnsupportedScan = Object.freeze({ total: 0, messages: [] });

/** Task ids kept per message: enough to look a few up, small enough for the JSON. */
const TASK_IDS_PER_MESSAGE = 5;
const MESSAGE_MAX_CHARS = 240;

const PROVIDER_FORM = /unsupported_(?:parameter|value)/i;
const SELF_HEALING_FORM =
  /\brejected\s+['"]?([A-Za-z_][\w.]*)['"]?\s+[-\u2013\u2014]\s+(?:switching|removing)\b/i;
const PROVIDER_PARAM = [
  /['"]param['"]\s*:\s*['"]([A-Za-z_][\w.]*)['"]/,
  /unsupported (?:parameter|value):\s*['"]([A-Za-z_][\w.]*)['"]/i,
];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Only ids the text says are tasks: log lines also carry fragment and interview ids.
const TASK_ID_IN_TEXT = new RegExp(
  `(?:task[_ ]?id['"]?\\s*[:=]\\s*['"]?|\\btask\\s+|\\[theory\\]\\[)(${UUID})`,
  'i',
);
// Azure Log Analytics calls the console line Log_s (older tables) or Log; other shippers differ.
const MESSAGE_KEYS = ['log_s', 'log', 'message', 'msg', 'text', '@message', 'body'];
const TASK_ID_KEY = /^task_?id(?:_s)?$/i;

interface Hit {
  form: UnsupportedMessage['form'];
  param: string | null;
  message: string;
  taskId: string | null;
}

/**
 * Scans one log file's text: a JSON array of records, JSON lines, or plain text (mixed lines are
 * fine). Counts at most one occurrence per line or record.
 */
export function scanLogText(text: string): UnsupportedScan {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const records = parseJson(trimmed);
    if (Array.isArray(records)) return collect(records.map((record) => recordHit(record)));
  }
  return scanLogLines(text.split(/\r?\n/));
}

/** Scans log lines, each plain text or one JSON object. */
export function scanLogLines(lines: readonly string[]): UnsupportedScan {
  return collect(lines.map((line) => lineHit(line)));
}

/**
 * Scans the error text and error code of failed users, once per distinct task: users that
 * shared a reused task saw the same failure.
 */
export function scanFailedTasks(runs: readonly UserRecord[]): UnsupportedScan {
  const failedTasks = distinctTaskRuns(runs, (run) => run.outcome === 'failed');
  const hits = failedTasks.map((run) => {
    const text = [run.error_code, run.error].filter((part) => part !== null).join(': ');
    return textHit(text, run.task_id);
  });
  return collect(hits);
}

/** Adds scans together, regrouping equal messages. */
export function mergeScans(...scans: UnsupportedScan[]): UnsupportedScan {
  const groups = new Map<string, UnsupportedMessage>();
  for (const message of scans.flatMap((scan) => scan.messages)) {
    const key = `${message.form}\u0000${message.message}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { ...message, task_ids: [...message.task_ids] });
      continue;
    }
    group.count += message.count;
    for (const taskId of message.task_ids) addTaskId(group.task_ids, taskId);
  }
  const total = scans.reduce((sum, scan) => sum + scan.total, 0);
  return { total, messages: sortMessages([...groups.values()]) };
}

/**
 * Masks what differs between repeats of one message: timestamps, uuids, long hex ids, numbers.
 * Whitespace is collapsed and the text cut to a readable length.
 */
export function normalizeMessage(text: string): string {
  const masked = text
    .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, '')
    .replace(new RegExp(UUID, 'gi'), '<id>')
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<id>')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  if (masked.length <= MESSAGE_MAX_CHARS) return masked;
  return `${masked.slice(0, MESSAGE_MAX_CHARS - 1)}…`;
}

function lineHit(line: string): Hit | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('{')) {
    const record = parseJson(trimmed);
    if (record !== undefined) return recordHit(record) ?? textHit(trimmed, null);
  }
  return textHit(trimmed, null);
}

function recordHit(record: unknown): Hit | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return typeof record === 'string' ? textHit(record, null) : null;
  }
  const fields = record as Record<string, unknown>;
  const message = messageOf(fields);
  const taskKey = Object.keys(fields).find((key) => TASK_ID_KEY.test(key));
  const taskValue = taskKey === undefined ? null : fields[taskKey];
  const taskId = typeof taskValue === 'string' && taskValue !== '' ? taskValue : null;
  // A record without a recognised message field is still searched as a whole.
  return textHit(message ?? JSON.stringify(record), taskId);
}

function messageOf(fields: Record<string, unknown>): string | null {
  for (const wanted of MESSAGE_KEYS) {
    const key = Object.keys(fields).find((name) => name.toLowerCase() === wanted);
    const value = key === undefined ? undefined : fields[key];
    if (typeof value !== 'string') continue;
    // Structured loggers put a JSON document inside the console line.
    const inner = value.trim().startsWith('{') ? parseJson(value.trim()) : undefined;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      return messageOf(inner as Record<string, unknown>) ?? value;
    }
    return value;
  }
  return null;
}

function textHit(text: string, taskId: string | null): Hit | null {
  const healing = SELF_HEALING_FORM.exec(text);
  const provider = healing === null && PROVIDER_FORM.test(text);
  if (healing === null && !provider) return null;

  const param = healing !== null ? healing[1] : providerParam(text);
  return {
    form: healing !== null ? 'self_healing' : 'provider',
    param,
    message: normalizeMessage(text),
    taskId: taskId ?? TASK_ID_IN_TEXT.exec(text)?.[1] ?? null,
  };
}

function providerParam(text: string): string | null {
  for (const pattern of PROVIDER_PARAM) {
    const match = pattern.exec(text);
    if (match !== null) return match[1];
  }
  return null;
}

function collect(hits: readonly (Hit | null)[]): UnsupportedScan {
  const groups = new Map<string, UnsupportedMessage>();
  let total = 0;
  for (const hit of hits) {
    if (hit === null) continue;
    total += 1;
    const key = `${hit.form}\u0000${hit.message}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { message: hit.message, form: hit.form, param: hit.param, count: 0, task_ids: [] };
      groups.set(key, group);
    }
    group.count += 1;
    if (hit.taskId !== null) addTaskId(group.task_ids, hit.taskId);
  }
  return { total, messages: sortMessages([...groups.values()]) };
}

function addTaskId(taskIds: string[], taskId: string): void {
  if (taskIds.length < TASK_IDS_PER_MESSAGE && !taskIds.includes(taskId)) taskIds.push(taskId);
}

function sortMessages(messages: UnsupportedMessage[]): UnsupportedMessage[] {
  return messages.sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
