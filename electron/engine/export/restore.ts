import BetterSqlite3 from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ApiError } from '../../../shared/api-error';
import { SETTINGS_FILE_NAME } from '../../common/data-folder';
import { APPLIED_SETTINGS_FILE } from '../settings/applied-settings';
import { DATABASE_FILE_NAME, openArchiveDatabase } from '../store/database';
import { originalsDir } from '../store/originals';
import {
  BACKUP_FORMAT,
  DATABASE_ENTRY,
  EXTRA_ARCHIVE_FILES,
  MANIFEST_ENTRY,
  SETTINGS_ENTRY,
  type BackupManifest,
  type BackupProgress,
} from './backup';
import { isInside } from './safe-output';

/** Limits that keep a damaged or hostile backup from filling the disk. */
export const RESTORE_LIMITS = {
  entries: 1_000_000,
  entryBytes: 8 * 1024 ** 3,
  totalBytes: 64 * 1024 ** 3,
  manifestBytes: 256 * 1024 * 1024,
  /** A compression ratio above this is absurd… */
  ratio: 1000,
  /** …for an entry bigger than this. */
  ratioMinBytes: 10 * 1024 * 1024,
};

const ORIGINAL_ENTRY = /^originals\/([0-9a-f]{2})\/([0-9a-f]{64})$/u;
const FIXED_ENTRIES = new Set<string>([
  MANIFEST_ENTRY,
  SETTINGS_ENTRY,
  DATABASE_ENTRY,
  ...EXTRA_ARCHIVE_FILES,
]);

/**
 * What a host keeps in the archive folder beside the archive (the web host's uploads and exports, the
 * settings of an archive outside the app's own folder, the settings last applied to the engine): a
 * restore neither counts nor removes them.
 */
export const HOST_ENTRIES: ReadonlySet<string> = new Set([
  'incoming',
  'exports',
  `${SETTINGS_FILE_NAME}.json`,
  APPLIED_SETTINGS_FILE,
]);

/** The entries of `folder` that belong to the archive (everything but HOST_ENTRIES). */
function archiveEntries(folder: string): string[] {
  return readdirSync(folder).filter((name) => !HOST_ENTRIES.has(name));
}

/** Files an archive folder holds before any letter is imported (the app creates them on opening). */
const EMPTY_ARCHIVE_FILES = new Set<string>([
  DATABASE_FILE_NAME,
  `${DATABASE_FILE_NAME}-wal`,
  `${DATABASE_FILE_NAME}-shm`,
  `${DATABASE_FILE_NAME}-journal`,
  'search-words.ndjson',
  'search-words.manifest.json',
  ...EXTRA_ARCHIVE_FILES,
]);

function invalidBackup(detail: string): ApiError {
  return new ApiError('invalid_arguments', `备份文件无效或已损坏：${detail}`);
}

function filesUnder(folder: string): number {
  let count = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    count += statSync(path).isDirectory() ? filesUnder(path) : 1;
  }
  return count;
}

/**
 * Whether `folder` holds only an archive with no letters (what opening an empty archive creates):
 * such a folder may be restored into once the archive is closed.
 */
export function isEmptyArchiveFolder(folder: string): boolean {
  if (!existsSync(folder)) return true;
  for (const name of archiveEntries(folder)) {
    const path = join(folder, name);
    if (name === 'originals' && statSync(path).isDirectory()) {
      if (filesUnder(path) > 0) return false;
    } else if (!EMPTY_ARCHIVE_FILES.has(name)) {
      return false;
    }
  }
  const databaseFile = join(folder, DATABASE_FILE_NAME);
  if (!existsSync(databaseFile)) return true;
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hasLetters = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'letters'")
      .get();
    return !hasLetters || (db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number) === 0;
  } finally {
    db.close();
  }
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => (error ? reject(invalidBackup(error.message)) : resolvePromise(zip)),
    );
  });
}

/** Every entry of the zip's central directory, checked against the limits before anything is extracted. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolvePromise, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      const absurd =
        entry.uncompressedSize > RESTORE_LIMITS.ratioMinBytes &&
        entry.uncompressedSize > RESTORE_LIMITS.ratio * Math.max(1, entry.compressedSize);
      if (
        entries.length >= RESTORE_LIMITS.entries ||
        entry.uncompressedSize > RESTORE_LIMITS.entryBytes ||
        total > RESTORE_LIMITS.totalBytes ||
        absurd
      ) {
        reject(invalidBackup('解压后过大，疑似压缩炸弹，已拒绝恢复。'));
        return;
      }
      if (!entry.fileName.endsWith('/')) entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolvePromise(entries));
    zip.on('error', (error: Error) => reject(invalidBackup(error.message)));
    zip.readEntry();
  });
}

function checkEntryName(name: string): void {
  if (FIXED_ENTRIES.has(name) || ORIGINAL_ENTRY.test(name)) return;
  throw invalidBackup(`含有不属于归档的条目「${name}」。`);
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseManifest(bytes: Buffer): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as BackupManifest;
  } catch {
    throw invalidBackup('清单（manifest.json）无法读取。');
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files)) {
    throw invalidBackup('这不是回函档案的备份文件。');
  }
  return manifest;
}

/** Extracts one entry to `file`, checking its size (and for an original, that its content matches its name). */
async function extractEntry(zip: ZipFile, entry: Entry, file: string, expectedSize: number): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > expectedSize) {
        callback(invalidBackup(`「${entry.fileName}」的大小与清单不符。`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  mkdirSync(dirname(file), { recursive: true });
  await pipeline(await zip.openReadStreamPromise(entry), counter, createWriteStream(file));
  if (size !== expectedSize) throw invalidBackup(`「${entry.fileName}」的大小与清单不符。`);
  const original = ORIGINAL_ENTRY.exec(entry.fileName);
  if (original && hash.digest('hex') !== original[2]) {
    throw invalidBackup(`原件「${entry.fileName}」的内容校验不符。`);
  }
}

export interface RestoreResult {
  letterCount: number;
  /** The settings saved with the backup (for the host to apply), or null. */
  settings: unknown;
}

/**
 * Restores a backup into `targetDir`, which must be empty (or missing), or — with
 * `replaceEmptyArchive` — hold only an archive without letters, closed. The backup is verified
 * (names, sizes, limits, checksums of originals, the database's integrity) before the folder is
 * used; on any failure the folder is left as empty as it was.
 */
export async function restoreArchive(
  source: string,
  targetDir: string,
  options: { replaceEmptyArchive?: boolean; onProgress?: (progress: BackupProgress) => void } = {},
): Promise<RestoreResult> {
  const backupFile = resolve(source);
  if (!existsSync(backupFile) || !statSync(backupFile).isFile()) {
    throw new ApiError('not_found', `找不到备份文件：${backupFile}`);
  }
  const target = resolve(targetDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new ApiError('invalid_arguments', `「${target}」不是文件夹。`);
    const empty = archiveEntries(target).length === 0;
    if (!empty && !(options.replaceEmptyArchive && isEmptyArchiveFolder(target))) {
      throw new ApiError(
        'invalid_arguments',
        `只能恢复到空的归档文件夹：「${target}」中已有内容。请新建或选择一个空文件夹后再恢复，以免覆盖现有档案。`,
      );
    }
    if (!empty)
      for (const name of archiveEntries(target)) rmSync(join(target, name), { recursive: true, force: true });
  } else {
    mkdirSync(target, { recursive: true });
  }

  const zip = await openZip(backupFile);
  const staging = join(target, `.restore-${randomBytes(4).toString('hex')}`);
  try {
    const entries = await listEntries(zip);
    for (const entry of entries) checkEntryName(entry.fileName);
    const byName = new Map(entries.map((entry) => [entry.fileName, entry]));
    if (byName.size !== entries.length) throw invalidBackup('含有重名的条目。');
    const manifestEntry = byName.get(MANIFEST_ENTRY);
    if (!manifestEntry || manifestEntry.uncompressedSize > RESTORE_LIMITS.manifestBytes) {
      throw invalidBackup('缺少清单（manifest.json）。');
    }
    const manifest = parseManifest(await readEntry(zip, manifestEntry));
    const listed = new Map(manifest.files.map((item) => [item.name, item.size]));
    if (!listed.has(DATABASE_ENTRY) || !byName.has(DATABASE_ENTRY)) throw invalidBackup('缺少数据库。');
    for (const [name, size] of listed) {
      const entry = byName.get(name);
      if (!entry) throw invalidBackup(`缺少「${name}」。`);
      if (entry.uncompressedSize !== size) throw invalidBackup(`「${name}」的大小与清单不符。`);
    }
    for (const name of byName.keys()) {
      if (name !== MANIFEST_ENTRY && !listed.has(name)) throw invalidBackup(`「${name}」不在清单中。`);
    }

    mkdirSync(staging);
    const total = listed.size;
    let done = 0;
    let settings: unknown = null;
    for (const [name, size] of listed) {
      const file = join(staging, ...name.split('/'));
      if (!isInside(staging, file)) throw invalidBackup(`条目「${name}」的路径不安全。`);
      const entry = byName.get(name);
      if (entry) await extractEntry(zip, entry, file, size);
      done += 1;
      options.onProgress?.({ done, total });
    }
    const settingsFile = join(staging, SETTINGS_ENTRY);
    if (existsSync(settingsFile)) {
      try {
        settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as unknown;
      } catch {
        throw invalidBackup('设置（settings.json）无法读取。');
      }
      rmSync(settingsFile);
    }

    const check = new BetterSqlite3(join(staging, DATABASE_ENTRY), { fileMustExist: true });
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw invalidBackup('数据库校验未通过。');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw invalidBackup(`数据库无法打开（${error instanceof Error ? error.message : String(error)}）。`);
    } finally {
      check.close();
    }

    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(target, name));
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(originalsDir(target), { recursive: true });
    const opened = openArchiveDatabase(target);
    try {
      const letterCount = opened.db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
      return { letterCount, settings };
    } finally {
      opened.db.close();
    }
  } catch (error) {
    // Leaves the folder as empty as it was found.
    for (const name of existsSync(target) ? archiveEntries(target) : []) {
      rmSync(join(target, name), { recursive: true, force: true });
    }
    throw error;
  } finally {
    zip.close();
  }
}
