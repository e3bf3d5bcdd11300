import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GramSections } from './gram-index';
import { writeAtomic } from './word-store';

/**
 * The n-gram postings on disk, in the archive folder: one binary data file (a JSON header naming each
 * section, then the typed arrays, each 8-byte aligned, read back as views without copying) and a
 * manifest with the schema version, the checksum of the letters covered and the data file's checksum.
 * Written whole to a temporary name and renamed; the manifest goes last, so a torn write reads as
 * corrupt. The data file also holds each letter's stamp, so a letter changed behind the index's back
 * (or one missed when the app stopped before saving) is re-indexed alone, not the whole archive.
 */
export const GRAM_INDEX_SCHEMA = 3;
export const GRAM_DATA_FILE = 'search-grams.bin';
export const GRAM_MANIFEST_FILE = 'search-grams.manifest.json';

export interface GramManifest {
  schemaVersion: number;
  lettersChecksum: string;
  letterCount: number;
  dataChecksum: string;
  savedAt: string;
}

type SectionName =
  | 'docIds'
  | 'charCodes'
  | 'keys1'
  | 'keys2'
  | 'keys3'
  | 'keys4'
  | 'ids1'
  | 'ids2'
  | 'ids3'
  | 'ids4'
  | 'shapes'
  | 'data';
interface Header {
  stamps: string[];
  tokens: string[];
  sections: Array<{ name: SectionName; type: 'u32' | 'f64'; offset: number; length: number }>;
}

export type LoadedGrams =
  { state: 'ok'; manifest: GramManifest; sections: GramSections } | { state: 'missing' | 'corrupt' };

export function encodeGrams(sections: GramSections): Buffer {
  const arrays: Array<[SectionName, Uint32Array | Float64Array]> = [
    ['docIds', sections.docIds],
    ['charCodes', sections.charCodes],
    ['keys1', sections.keys[0]],
    ['keys2', sections.keys[1]],
    ['keys3', sections.keys[2]],
    ['keys4', sections.keys[3]],
    ['ids1', sections.ids[0]],
    ['ids2', sections.ids[1]],
    ['ids3', sections.ids[2]],
    ['ids4', sections.ids[3]],
    ['shapes', sections.shapes],
    ['data', sections.data],
  ];
  const header: Header = { stamps: sections.stamps, tokens: sections.tokens, sections: [] };
  let offset = 0;
  for (const [name, array] of arrays) {
    header.sections.push({
      name,
      type: array instanceof Float64Array ? 'f64' : 'u32',
      offset,
      length: array.length,
    });
    offset += align(array.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(8);
  lead.writeUInt32LE(headerBytes.length, 0);
  lead.writeUInt32LE(GRAM_INDEX_SCHEMA, 4);
  const parts: Buffer[] = [lead, headerBytes, Buffer.alloc(align(headerBytes.length) - headerBytes.length)];
  for (const [, array] of arrays) {
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    parts.push(Buffer.alloc(align(array.byteLength) - array.byteLength));
  }
  return Buffer.concat(parts);
}

export function decodeGrams(buffer: Buffer): GramSections {
  const headerLength = buffer.readUInt32LE(0);
  if (buffer.readUInt32LE(4) !== GRAM_INDEX_SCHEMA) throw new Error('schema');
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header;
  const base = 8 + align(headerLength);
  // Every section is a view into the file's bytes; copied once only when they are not 8-byte aligned.
  let body = buffer.buffer as ArrayBuffer;
  let start = buffer.byteOffset + base;
  if (start % 8 !== 0) {
    body = new ArrayBuffer(buffer.length - base);
    new Uint8Array(body).set(buffer.subarray(base));
    start = 0;
  }
  const end = start + buffer.length - base;
  const views = new Map<SectionName, Uint32Array | Float64Array>();
  for (const section of header.sections) {
    const Type = section.type === 'f64' ? Float64Array : Uint32Array;
    if (start + section.offset + section.length * Type.BYTES_PER_ELEMENT > end) throw new Error('short');
    views.set(section.name, new Type(body, start + section.offset, section.length));
  }
  const u32 = (name: SectionName) => views.get(name) as Uint32Array;
  const f64 = (name: SectionName) => views.get(name) as Float64Array;
  const sections: GramSections = {
    docIds: u32('docIds'),
    stamps: header.stamps,
    charCodes: u32('charCodes'),
    keys: [f64('keys1'), f64('keys2'), f64('keys3'), f64('keys4')],
    ids: [u32('ids1'), u32('ids2'), u32('ids3'), u32('ids4')],
    tokens: header.tokens,
    shapes: u32('shapes'),
    data: u32('data'),
  };
  const postings = sections.keys.reduce((sum, keys) => sum + keys.length, 0) + sections.tokens.length;
  const words = Array.from({ length: postings }, (_, i) => sections.shapes[i * 3 + 1] as number).reduce(
    (a, b) => a + b,
    0,
  );
  if (
    sections.shapes.length !== postings * 3 ||
    words !== sections.data.length ||
    sections.stamps.length !== sections.docIds.length ||
    sections.keys.some((keys, order) => keys.length !== (sections.ids[order] as Uint32Array).length)
  ) {
    throw new Error('inconsistent');
  }
  return sections;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

export function saveGrams(
  dir: string,
  sections: GramSections,
  manifest: Pick<GramManifest, 'lettersChecksum' | 'letterCount'>,
): void {
  const data = encodeGrams(sections);
  writeAtomic(join(dir, GRAM_DATA_FILE), data);
  const full: GramManifest = {
    ...manifest,
    schemaVersion: GRAM_INDEX_SCHEMA,
    dataChecksum: createHash('sha1').update(data).digest('hex'),
    savedAt: new Date().toISOString(),
  };
  writeAtomic(join(dir, GRAM_MANIFEST_FILE), JSON.stringify(full, null, 2));
}

export function loadGrams(dir: string): LoadedGrams {
  const manifestPath = join(dir, GRAM_MANIFEST_FILE);
  const dataPath = join(dir, GRAM_DATA_FILE);
  if (!existsSync(manifestPath) || !existsSync(dataPath)) return { state: 'missing' };
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as GramManifest;
    if (manifest.schemaVersion !== GRAM_INDEX_SCHEMA) return { state: 'corrupt' };
    const data = readFileSync(dataPath);
    if (createHash('sha1').update(data).digest('hex') !== manifest.dataChecksum) return { state: 'corrupt' };
    return { state: 'ok', manifest, sections: decodeGrams(data) };
  } catch {
    return { state: 'corrupt' };
  }
}

export function removeGrams(dir: string): void {
  rmSync(join(dir, GRAM_MANIFEST_FILE), { force: true });
  rmSync(join(dir, GRAM_DATA_FILE), { force: true });
}
