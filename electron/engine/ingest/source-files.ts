import { open, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Entry } from 'yauzl';
import { IngestError } from './types';
import type { SourceFile, SourceProblem } from './types';
import {
  ZIP_LIMITS,
  closeZip,
  entryName,
  hasAbsurdRatio,
  openZipBuffer,
  openZipFile,
  readZipEntry,
  zipBombError,
  zipEntries,
} from './zip';

/** Extensions of the files a folder walk picks up. */
export const SUPPORTED_EXTENSIONS = new Set([
  '.txt',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.html',
  '.htm',
  '.mht',
  '.mhtml',
]);

/** Files on disk and zip entries over this size are refused when read. */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

const TOO_LARGE = '文件过大（超过 100 MB），不像是一份答复函，已跳过。';
/** Separator between an archive and the path inside it, as the user reads it. */
const IN_ZIP = ' › ';

/** Names a walk skips: hidden files, Word lock files, system files, macOS resource forks. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name === '__MACOSX' ||
    /^(?:thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(name)
  );
}

/** The Chinese reason for a file-system error, for the import report. */
export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '路径不存在（可能已被移动或删除）。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限，无法打开。';
    case 'ELOOP':
      return '快捷方式（符号链接）形成循环，已跳过。';
    case 'EBUSY':
      return '文件正被其他程序占用，无法读取。请关闭后重试。';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多，暂时无法读取。请稍后重试。';
    default:
      return `无法读取${typeof code === 'string' ? `（${code}）` : ''}。`;
  }
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

const HAN_FIRST = /^[\u3400-\u9fff]/;

/**
 * Stable, human order as Windows Explorer shows it in Chinese: digits and Latin names first,
 * then Chinese names by pinyin, numbers by value (第2号 before 第10号), ties by code units.
 */
function compareNames(a: string, b: string): number {
  const group = Number(HAN_FIRST.test(a)) - Number(HAN_FIRST.test(b));
  return group || collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function isZipName(name: string): boolean {
  return extname(name).toLowerCase() === '.zip';
}

function isSupportedName(name: string): boolean {
  return SUPPORTED_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Reads a file on disk, refusing it (too_large) before reading when it is too big. */
async function readDiskFile(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new IngestError('unreadable', describeFsError(err), { cause: err });
  }
  try {
    const info = await handle.stat();
    if (info.size > MAX_SOURCE_BYTES) throw new IngestError('too_large', TOO_LARGE);
    return await handle.readFile();
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('unreadable', describeFsError(err), { cause: err });
  } finally {
    await handle.close();
  }
}

function diskFile(path: string, size: number): SourceFile {
  return { displayPath: path, name: basename(path), diskPath: path, size, read: () => readDiskFile(path) };
}

/** Where a nested archive sits inside its outer archive. */
interface NestedZip {
  entry: Entry;
  displayPath: string;
}

/** Keeps the last nested archive read, so its entries do not each decompress it again. */
interface NestedCache {
  entry: Entry | null;
  bytes: Buffer | null;
}

async function withDiskZip<T>(
  path: string,
  use: (zip: Awaited<ReturnType<typeof openZipFile>>) => Promise<T>,
): Promise<T> {
  let zip;
  try {
    zip = await openZipFile(path);
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err) {
      throw new IngestError('unreadable', describeFsError(err), { cause: err });
    }
    throw new IngestError('corrupt', '压缩包已损坏，无法打开。', { cause: err });
  }
  try {
    return await use(zip);
  } finally {
    closeZip(zip);
  }
}

async function readNestedZip(diskPath: string, nested: NestedZip, cache: NestedCache): Promise<Buffer> {
  if (cache.entry === nested.entry && cache.bytes) return cache.bytes;
  const bytes = await withDiskZip(diskPath, (zip) => readZipEntry(zip, nested.entry, MAX_SOURCE_BYTES));
  cache.entry = nested.entry;
  cache.bytes = bytes;
  return bytes;
}

/** The reason an entry is refused before anything is decompressed, or null. */
function refuseEntry(entry: Entry): IngestError | null {
  if (hasAbsurdRatio(entry)) return zipBombError();
  if (entry.uncompressedSize > MAX_SOURCE_BYTES) {
    return entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)
      ? zipBombError()
      : new IngestError('too_large', TOO_LARGE);
  }
  return null;
}

function failing(error: IngestError): () => Promise<Buffer> {
  return () => Promise.reject(error);
}

/**
 * The letter files inside a .zip (on disk, or nested one level inside one), as SourceFiles that
 * read lazily. Refuses bombs: an entry over 100 MB or with an absurd ratio fails when read;
 * an archive whose entries add up to over 1 GB stops with a problem.
 */
async function* walkZip(
  diskPath: string,
  display: string,
  state: WalkState,
  nested: NestedZip | null,
): AsyncGenerator<SourceFile | SourceProblem> {
  const { signal, cache } = state;
  let zip;
  try {
    if (nested) {
      zip = await openZipBuffer(await readNestedZip(diskPath, nested, cache));
    } else {
      zip = await openZipFile(diskPath);
    }
  } catch (err) {
    const reason =
      err instanceof IngestError
        ? err.reason
        : typeof err === 'object' && err !== null && 'code' in err
          ? describeFsError(err)
          : '压缩包已损坏或不是 ZIP 格式，无法打开。';
    yield { displayPath: display, reason };
    return;
  }
  try {
    const found: { entry: Entry; name: string }[] = [];
    let total = 0;
    try {
      for await (const entry of zipEntries(zip)) {
        if (signal?.aborted) return;
        const name = entryName(entry);
        if (name.endsWith('/')) continue;
        const parts = name.split('/');
        if (parts.some(isIgnoredName)) continue;
        const last = parts[parts.length - 1] ?? name;
        if (!isSupportedName(last) && !isZipName(last)) continue;
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.archiveBytes) {
          yield {
            displayPath: display,
            reason: '压缩包解压后总大小超过 1 GB，疑似压缩炸弹，已停止读取其中的文件。',
          };
          return;
        }
        found.push({ entry, name });
      }
    } catch {
      yield { displayPath: display, reason: '压缩包已损坏，无法读取其中的文件列表。' };
      return;
    }
    found.sort((a, b) => compareNames(a.name, b.name));
    for (const { entry, name } of found) {
      if (signal?.aborted) return;
      const displayPath = `${display}${IN_ZIP}${name}`;
      const refused = refuseEntry(entry);
      if (isZipName(name)) {
        if (nested) {
          yield { displayPath, reason: '压缩包里的压缩包只展开一层，更深的一层已跳过。请先解压后再导入。' };
          continue;
        }
        if (refused) {
          yield { displayPath, reason: refused.reason };
          continue;
        }
        yield* walkZip(diskPath, displayPath, state, { entry, displayPath });
        continue;
      }
      const read = refused
        ? failing(refused)
        : nested
          ? async () =>
              withZipBuffer(await readNestedZip(diskPath, nested, cache), (z) =>
                readZipEntry(z, entry, MAX_SOURCE_BYTES),
              )
          : () => withDiskZip(diskPath, (z) => readZipEntry(z, entry, MAX_SOURCE_BYTES));
      yield {
        displayPath,
        name: basename(name),
        diskPath,
        size: entry.uncompressedSize,
        read,
      };
    }
  } finally {
    closeZip(zip);
  }
}

async function withZipBuffer<T>(
  bytes: Buffer,
  use: (zip: Awaited<ReturnType<typeof openZipBuffer>>) => Promise<T>,
): Promise<T> {
  let zip;
  try {
    zip = await openZipBuffer(bytes);
  } catch (err) {
    throw new IngestError('corrupt', '压缩包已损坏，无法打开。', { cause: err });
  }
  try {
    return await use(zip);
  } finally {
    closeZip(zip);
  }
}

interface WalkState {
  signal: AbortSignal | undefined;
  /** The last nested archive decompressed (one at a time, to bound memory). */
  cache: NestedCache;
  /** Folders entered on this walk (device:inode), so symlink loops are not followed. */
  seen: Set<string>;
}

async function* walkPath(
  path: string,
  info: Stats,
  explicit: boolean,
  state: WalkState,
): AsyncGenerator<SourceFile | SourceProblem> {
  if (state.signal?.aborted) return;
  if (info.isDirectory()) {
    const key = `${info.dev}:${info.ino}`;
    if (state.seen.has(key)) return;
    state.seen.add(key);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      yield { displayPath: path, reason: describeFsError(err) };
      return;
    }
    names.sort(compareNames);
    for (const name of names) {
      if (state.signal?.aborted) return;
      if (isIgnoredName(name)) continue;
      const child = join(path, name);
      let childInfo: Stats;
      try {
        childInfo = await stat(child);
      } catch (err) {
        // A dangling link or a file removed meanwhile: report only what could be a letter.
        if (isSupportedName(name) || isZipName(name))
          yield { displayPath: child, reason: describeFsError(err) };
        continue;
      }
      if (childInfo.isDirectory() || isSupportedName(name) || isZipName(name)) {
        yield* walkPath(child, childInfo, false, state);
      }
    }
    return;
  }
  if (!info.isFile()) {
    if (explicit) yield { displayPath: path, reason: '不是普通文件或文件夹，已跳过。' };
    return;
  }
  if (isZipName(path)) {
    yield* walkZip(path, path, state, null);
    return;
  }
  if (explicit || isSupportedName(path)) yield diskFile(path, info.size);
}

/**
 * The letter files under the paths the user chose, in a stable order: folders are walked
 * recursively (sorted by name; hidden and system files, Word lock files ~$… and symlink loops
 * skipped), .zip archives are opened (entries read lazily; zips inside zips one level deep).
 * A folder walk picks files by extension; a file chosen explicitly is always tried (its
 * content decides its format). A path that cannot be walked yields a SourceProblem with a
 * Chinese reason and the walk goes on. Stops quietly when the signal is aborted.
 */
export async function* findSourceFiles(
  paths: string[],
  options?: { signal?: AbortSignal },
): AsyncGenerator<SourceFile | SourceProblem> {
  const state: WalkState = { signal: options?.signal, cache: { entry: null, bytes: null }, seen: new Set() };
  for (const given of paths) {
    if (state.signal?.aborted) return;
    const path = resolve(given);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (err) {
      yield { displayPath: given, reason: describeFsError(err) };
      continue;
    }
    yield* walkPath(path, info, true, state);
  }
}
