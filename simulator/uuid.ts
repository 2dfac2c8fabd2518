// UUID text as the backend's path validation sees it (pydantic v2): the hyphenated, simple,
// braced and urn forms parse; anything else fails with a reason in the validator's own wording.

const HEX = /^[0-9a-fA-F]$/;
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

export type UuidParse = { uuid: string } | { reason: string };

/** Canonical lowercase hyphenated form, or undefined when the text is not a UUID. */
export function canonicalUuid(text: string): string | undefined {
  const parsed = parseUuid(text);
  return 'uuid' in parsed ? parsed.uuid : undefined;
}

export function parseUuid(text: string): UuidParse {
  let body = text;
  let offset = 0;
  if (body.toLowerCase().startsWith('urn:uuid:')) {
    body = body.slice(9);
    offset = 9;
  } else if (body.startsWith('{') && body.endsWith('}')) {
    body = body.slice(1, -1);
    offset = 1;
  }

  const chars = Array.from(body);
  const badAt = chars.findIndex((char) => char !== '-' && !HEX.test(char));
  if (badAt >= 0) {
    const found = chars[badAt];
    const where = badAt + offset + 1;
    return {
      reason:
        'invalid character: expected an optional prefix of `urn:uuid:` followed by ' +
        `[0-9a-fA-F-], found \`${found}\` at ${where}`,
    };
  }

  const groups = body.split('-');
  if (groups.length === 1) {
    if (body.length !== 32) {
      return {
        reason: `invalid length: expected length 32 for simple format, found ${body.length}`,
      };
    }
    return { uuid: hyphenate(body.toLowerCase()) };
  }
  if (groups.length !== 5) {
    return { reason: `invalid group count: expected 5, found ${groups.length}` };
  }
  const badGroup = groups.findIndex((group, index) => group.length !== GROUP_LENGTHS[index]);
  if (badGroup >= 0) {
    const expected = GROUP_LENGTHS[badGroup];
    const found = groups[badGroup].length;
    return {
      reason: `invalid group length in group ${badGroup}: expected ${expected}, found ${found}`,
    };
  }
  return { uuid: groups.join('-').toLowerCase() };
}

function hyphenate(hex: string): string {
  const parts: string[] = [];
  let start = 0;
  for (const length of GROUP_LENGTHS) {
    parts.push(hex.slice(start, start + length));
    start += length;
  }
  return parts.join('-');
}
