// Reads every byte a run left in a folder as text, opening the zip archives that Playwright
// writes (blob reports, and the base64 zip inside the HTML report's index.html), so a search
// for a secret cannot miss it because it was compressed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export function folderTexts(dir: string): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      texts.push(...folderTexts(path));
      continue;
    }
    const bytes = readFileSync(path);
    texts.push({ path, text: bytes.toString('latin1') });
    if (name.endsWith('.zip')) texts.push(...zipTexts(path, bytes));
    for (const match of bytes.toString('latin1').matchAll(/base64,([A-Za-z0-9+/=]{40,})/g)) {
      const inner = Buffer.from(match[1], 'base64');
      if (inner.readUInt32LE(0) === LOCAL_HEADER) texts.push(...zipTexts(`${path}#base64`, inner));
    }
  }
  return texts;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/** Entries of a zip archive (stored or deflated), found through its central directory. */
function zipTexts(path: string, zip: Buffer): { path: string; text: string }[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || zip.readUInt32LE(endAt) !== END_OF_CENTRAL) return [];
  const entries = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const texts: { path: string; text: string }[] = [];
  for (let index = 0; index < entries && zip.readUInt32LE(at) === CENTRAL_HEADER; index++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    const content = method === 8 ? inflateRawSync(data) : data;
    texts.push({ path: `${path}!${name}`, text: content.toString('latin1') });
    if (name.endsWith('.zip')) texts.push(...zipTexts(`${path}!${name}`, content));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return texts;
}
