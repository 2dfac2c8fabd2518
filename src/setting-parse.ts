// Small readers for environment settings. Each one trims, treats an empty value as unset, and
// throws a SettingError that names the variable, the value it got and what it expects.

/** A configuration mistake: the message alone tells the operator what to fix. */
export class SettingError extends Error {
  readonly code = 'LT_BAD_SETTING';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SettingError';
  }
}

export function readString(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

interface Range {
  min?: number;
  max?: number;
  /** The value must be strictly greater than this. */
  above?: number;
}

export function readNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: Range = {},
): number {
  return readNumeric(env, name, fallback, range, 'a number', () => true);
}

export function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: Range = {},
): number {
  const whole = (raw: string, value: number) => /^-?\d+$/.test(raw) && Number.isSafeInteger(value);
  return readNumeric(env, name, fallback, range, 'an integer', whole);
}

function readNumeric(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: Range,
  kind: string,
  accept: (raw: string, value: number) => boolean,
): number {
  const raw = readString(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !accept(raw, value) || !inRange(value, range)) {
    throw new SettingError(`${name} must be ${describe(kind, range)} (got "${raw}")`);
  }
  return value;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = readString(env, name);
  if (raw === null) return fallback;
  const word = raw.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new SettingError(`${name} must be true or false (got "${raw}")`);
}

function inRange(value: number, { min, max, above }: Range): boolean {
  return (
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (above === undefined || value > above)
  );
}

function describe(kind: string, { min, max, above }: Range): string {
  if (above !== undefined) return `${kind} > ${above}`;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return min === 0 ? `${kind} >= 0` : `${kind} >= ${min}`;
  if (max !== undefined) return `${kind} <= ${max}`;
  return kind;
}
