import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DATABASE_FILE_NAME } from '../store/database';
import { originalsDir } from '../store/originals';
import { USER_DICTIONARY_FILE } from '../search/user-dictionary';
import { assertCanWrite, resolveTargetFile, temporaryPathFor, writeAtomically } from './safe-output';
import { writeZip, type ZipSource } from './zip-write';

export const BACKUP_FORMAT = 'huihan-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const SETTINGS_ENTRY = 'settings.json';
export const DATABASE_ENTRY = DATABASE_FILE_NAME;
/** Files of the archive folder besides the database and originals that a restore needs. */
export const EXTRA_ARCHIVE_FILES = [USER_DICTIONARY_FILE] as const;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  schemaVersion: number;
  letterCount: number;
  files: Array<{ name: string; size: number }>;
}

export interface BackupProgress {
  done: number;
  total: number;
}

/** Every stored original, as zip entry names `originals/ab/<sha256>` with their files. */
function originalFiles(dataDir: string): Array<{ name: string; file: string }> {
  const root = originalsDir(dataDir);
  if (!existsSync(root)) return [];
  const found: Array<{ name: string; file: string }> = [];
  for (const prefix of readdirSync(root).sort()) {
    const folder = join(root, prefix);
    if (!/^[0-9a-f]{2}$/u.test(prefix) || !statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      // Only finished originals: a stray `.tmp` of an interrupted import is not part of the archive.
      if (!/^[0-9a-f]{64}$/u.test(name)) continue;
      const file = join(folder, name);
      found.push({ name: relative(dataDir, file).split(sep).join('/'), file });
    }
  }
  return found;
}

/**
 * Writes the whole archive into one file (.zip, or .huihan which is the same zip): a consistent copy
 * of the database (SQLite's online backup), every original, the user dictionary, the settings given,
 * and a manifest with each entry's size. Never overwrites an existing file.
 */
export async function backupArchive(
  db: Database,
  dataDir: string,
  destination: string,
  options: {
    settings?: unknown;
    signal?: AbortSignal;
    onProgress?: (progress: BackupProgress) => void;
    now?: Date;
  } = {},
): Promise<{ path: string; bytes: number }> {
  const extension = ['.zip', '.huihan'].includes(extname(destination).toLowerCase())
    ? extname(destination).toLowerCase()
    : '.huihan';
  const { target } = resolveTargetFile(destination, extension);
  assertCanWrite(target, false);
  const databaseCopy = `${temporaryPathFor(target)}.${randomBytes(3).toString('hex')}.sqlite`;
  try {
    await db.backup(databaseCopy);
    const schema = db.prepare('SELECT MAX(version) FROM schema_version').pluck().get() as number;
    const letterCount = db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
    const files: Array<{ name: string; file: string }> = [
      { name: DATABASE_ENTRY, file: databaseCopy },
      ...EXTRA_ARCHIVE_FILES.filter((name) => existsSync(join(dataDir, name))).map((name) => ({
        name,
        file: join(dataDir, name),
      })),
      ...originalFiles(dataDir),
    ];
    const settings =
      options.settings === undefined
        ? []
        : [{ name: SETTINGS_ENTRY, bytes: Buffer.from(JSON.stringify(options.settings, null, 2)) }];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      schemaVersion: schema,
      letterCount,
      files: [
        ...files.map((item) => ({ name: item.name, size: statSync(item.file).size })),
        ...settings.map((item) => ({ name: item.name, size: item.bytes.length })),
      ],
    };
    const entries: ZipSource[] = [
      { name: MANIFEST_ENTRY, bytes: Buffer.from(JSON.stringify(manifest, null, 2)) },
      ...settings,
      ...files,
    ];
    const total = entries.length;
    await writeAtomically(
      target,
      (temporary) =>
        writeZip(temporary, entries, {
          signal: options.signal,
          onEntry: (done) => options.onProgress?.({ done, total }),
        }),
      { overwrite: false, signal: options.signal },
    );
  } finally {
    rmSync(databaseCopy, { force: true });
  }
  return { path: target, bytes: statSync(target).size };
}
