// Secrets never reach a record, a log or a report: every error text passes through here first.

const REDACTED = '[redacted]';

/** Returns a function that hides each secret, and any bearer credential, in a text. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const present = secrets.filter((secret) => secret.length > 0);
  return (text: string): string => {
    let clean = text;
    for (const secret of present) clean = clean.split(secret).join(REDACTED);
    return clean.replace(/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`);
  };
}
