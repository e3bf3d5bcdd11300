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

export type LoadedWords =
  { state: 'ok'; manifest: WordManifest; parts: Array<[string, string]> } | { state: 'missing' | 'corrupt' };

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

function writeAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
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

export function loadWords(dir: string): LoadedWords {
  const manifestPath = join(dir, MANIFEST_FILE);
  const dataPath = join(dir, DATA_FILE);
  if (!existsSync(manifestPath) || !existsSync(dataPath)) return { state: 'missing' };
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WordManifest;
    if (manifest.schemaVersion !== WORD_INDEX_SCHEMA) return { state: 'corrupt' };
    const data = readFileSync(dataPath, 'utf8');
    if (sha1(data) !== manifest.dataChecksum) return { state: 'corrupt' };
    const parts = data === '' ? [] : data.split('\n').map((line) => JSON.parse(line) as [string, string]);
    return { state: 'ok', manifest, parts };
  } catch {
    return { state: 'corrupt' };
  }
}

export function removeWords(dir: string): void {
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  rmSync(join(dir, DATA_FILE), { force: true });
}
