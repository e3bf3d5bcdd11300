import { inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { IngestError } from './types';

/** Limits that keep a hostile archive from exhausting memory or disk. */
export const ZIP_LIMITS = {
  /** A single entry of a .zip the user imports. */
  entryBytes: 100 * 1024 * 1024,
  /** All entries of one .zip together. */
  archiveBytes: 1024 * 1024 * 1024,
  /** All parts of one .docx together. */
  docxBytes: 200 * 1024 * 1024,
  /** A compression ratio above this is absurd for letters… */
  ratio: 200,
  /** …when the entry is also bigger than this (small files compress well and are harmless). */
  ratioMinBytes: 10 * 1024 * 1024,
} as const;

export const ZIP_BOMB_REASON = '文件解压后过大，疑似压缩炸弹，已拒绝读取。';

export function zipBombError(cause?: unknown): IngestError {
  return new IngestError('zip_bomb', ZIP_BOMB_REASON, cause === undefined ? undefined : { cause });
}

/** True when an entry's declared sizes show an absurd compression ratio. */
export function hasAbsurdRatio(entry: Pick<Entry, 'compressedSize' | 'uncompressedSize'>): boolean {
  return (
    entry.uncompressedSize > ZIP_LIMITS.ratioMinBytes &&
    entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)
  );
}

const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

export function openZipBuffer(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, OPTIONS, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

export function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, OPTIONS, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/**
 * The entries of an archive, one at a time, from its central directory (nothing is
 * decompressed). The caller may stop early; the zip is not closed here.
 */
export async function* zipEntries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (e: Entry): void => {
        cleanup();
        resolve(e);
      };
      const onEnd = (): void => {
        cleanup();
        resolve(null);
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(err);
      };
      const cleanup = (): void => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (entry === null) return;
    yield entry;
  }
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The entry's name as the user would read it. Names are UTF-8 when the archive says so (flag
 * bit 11 or an Info-ZIP Unicode Path field); otherwise Chinese Windows writes them in GBK, and
 * other tools in unflagged UTF-8, which is recognised by being valid UTF-8.
 */
export function entryName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  let name: string;
  const hasUnicodeField = entry.extraFields.some((f) => f.id === 0x7075);
  if ((entry.generalPurposeBitFlag & 0x800) !== 0 || hasUnicodeField) {
    name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  } else {
    name = strictUtf8(raw) ?? iconv.decode(raw, 'gb18030');
  }
  return name.replace(/\\/g, '/');
}

/** True for a folder entry. */
export function isDirectoryEntry(entry: Entry): boolean {
  return entryName(entry).endsWith('/');
}

/**
 * Decompresses one entry into memory, refusing (zip_bomb) once more than `limit` bytes come
 * out, whatever the headers claim. Other failures are corrupt archives.
 */
export async function readZipEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw zipBombError();
  if (entry.isEncrypted()) {
    throw new IngestError('unreadable', '压缩包中的这个文件设有密码，无法读取。');
  }
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw new IngestError('corrupt', '压缩包已损坏，无法解压这个文件。', { cause: err });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) {
        stream.destroy();
        throw zipBombError();
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    // yauzl reports data longer than the header says: a forged header, the classic bomb trick.
    if (err instanceof Error && /too many bytes/i.test(err.message)) throw zipBombError(err);
    throw new IngestError('corrupt', '压缩包已损坏，无法解压这个文件。', { cause: err });
  }
  return Buffer.concat(chunks, total);
}

/**
 * Like readZipEntry for an archive held in memory (`bytes`), decompressing synchronously: far
 * faster for the many small parts of a .docx. Refuses (zip_bomb) more than `limit` bytes out.
 */
export async function inflateZipEntry(
  zip: ZipFile,
  bytes: Buffer,
  entry: Entry,
  limit: number,
): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw zipBombError();
  if (entry.isEncrypted()) {
    throw new IngestError('unreadable', '文件中的部分内容设有密码，无法读取。');
  }
  const header = await new Promise<{ fileDataStart: number }>((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (err, h) => (err ? reject(err) : resolve(h)));
  }).catch((err: unknown) => {
    throw new IngestError('corrupt', '压缩结构已损坏，无法解压。', { cause: err });
  });
  const data = bytes.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize);
  if (entry.compressionMethod === 0) return data;
  if (entry.compressionMethod !== 8) {
    throw new IngestError('unsupported', '文件使用了不支持的压缩方式，无法读取。');
  }
  try {
    // One byte over the limit is enough to know the limit is passed.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw zipBombError(err);
    }
    throw new IngestError('corrupt', '压缩结构已损坏，无法解压。', { cause: err });
  }
}

export function closeZip(zip: ZipFile): void {
  try {
    zip.close();
  } catch {
    // Already closed.
  }
}
