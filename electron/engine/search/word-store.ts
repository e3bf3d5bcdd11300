import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The word index on disk, in the archive folder: a data file (FlexSearch's exported parts, one JSON
 * line each) and a manifest naming the schema version, the checksum of the letters covered, the
 * dictionary it was cut with and the data file's own checksum. Each file is written whole to a
 * temporary name and renamed (atomic); the manifest goes last, so a torn write reads as corrupt.
 */
export const WORD_INDEX_SCHEMA = 1;
const DATA_FILE = 'search-words.ndjson';
const MANIFEST_FILE = 'search-words.manifest.json';

export interface WordManifest {
  schemaVersion: number;
  /** Checksum of the (id, stamp) pairs of the letters covered. */
  lettersChecksum: string;
  letterCount: number;
  /** Checksum of the user dictionary the words were cut with. */
  dictionaryChecksum: string;
  dataChecksum: string;
  savedAt: string;
}

export type OpenedWords =
  { state: 'ok'; manifest: WordManifest; bytes: Buffer } | { state: 'missing' | 'corrupt' };

/** One saved part (key → data); throws on a line that is not one. */
export function readWordPart(line: string): [string, string] {
  const part = JSON.parse(line) as unknown;
  if (!Array.isArray(part) || typeof part[0] !== 'string' || typeof part[1] !== 'string') {
    throw new Error('not a word index part');
  }
  return [part[0], part[1]];
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Checksum of the letters an index covers: order-independent over (id, stamp). */
export function lettersChecksum(stamps: Iterable<[number, string]>): string {
  const sorted = [...stamps].sort((a, b) => a[0] - b[0]);
  const hash = createHash('sha1');
  for (const [id, stamp] of sorted) hash.update(`${id}:${stamp}\n`);
  return hash.digest('hex');
}

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * Splits the JSON text of an array into JSON texts of consecutive slices of it, each about `maxChars`
 * long, so that a large exported part is parsed and imported in small steps (FlexSearch's map import
 * merges entries into the map, so slices import like the whole).
 */
export function splitJsonArray(json: string, maxChars = 262_144): string[] {
  if (json.length <= maxChars || !json.startsWith('[')) return [json];
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  for (let i = 1; i < json.length - 1; i += 1) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) depth += 1;
    else if (char === 0x5d || char === 0x7d) depth -= 1;
    else if (char === 0x2c && depth === 0 && i - start >= maxChars) {
      out.push(`[${json.slice(start, i)}]`);
      start = i + 1;
    }
  }
  out.push(`[${json.slice(start, json.length - 1)}]`);
  return out;
}

export function saveWords(
  dir: string,
  parts: Array<[string, string]>,
  manifest: Omit<WordManifest, 'dataChecksum' | 'schemaVersion' | 'savedAt'>,
): void {
  const data = parts.map((part) => JSON.stringify(part)).join('\n');
  writeAtomic(join(dir, DATA_FILE), data);
  const full: WordManifest = {
    ...manifest,
    schemaVersion: WORD_INDEX_SCHEMA,
    dataChecksum: sha1(data),
    savedAt: new Date().toISOString(),
  };
  writeAtomic(join(dir, MANIFEST_FILE), JSON.stringify(full, null, 2));
}

/**
 * The saved word index's manifest and data bytes, unchecked: the caller hashes the bytes in slices
 * (the data file runs to tens of MB) and compares with `manifest.dataChecksum` before trusting them.
 */
export function openWords(dir: string): OpenedWords {
  const manifestPath = join(dir, MANIFEST_FILE);
  const dataPath = join(dir, DATA_FILE);
  if (!existsSync(manifestPath) || !existsSync(dataPath)) return { state: 'missing' };
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WordManifest;
    if (manifest.schemaVersion !== WORD_INDEX_SCHEMA) return { state: 'corrupt' };
    return { state: 'ok', manifest, bytes: readFileSync(dataPath) };
  } catch {
    return { state: 'corrupt' };
  }
}

export function removeWords(dir: string): void {
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  rmSync(join(dir, DATA_FILE), { force: true });
}
