import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * Where a moved archive is: a small file in the app's userData folder naming the archive folder, read
 * at every start by the app, the web host and the CLI (unless --data or HUIHAN_DATA say otherwise).
 * Absent when the archive is in its default place (userData/archive).
 */
export const ARCHIVE_POINTER_FILE = 'archive-location.json';

export function readArchivePointer(userData: string): string | null {
  const file = join(userData, ARCHIVE_POINTER_FILE);
  if (!existsSync(file)) return null;
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { archiveDir?: unknown }).archiveDir;
    return typeof value === 'string' && isAbsolute(value) ? value : null;
  } catch {
    return null;
  }
}

/** Records the archive folder (written whole, then renamed); null removes the record (default place). */
export function writeArchivePointer(userData: string, archiveDir: string | null): void {
  const file = join(userData, ARCHIVE_POINTER_FILE);
  if (archiveDir === null) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(userData, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ archiveDir }, null, 2));
  renameSync(temporary, file);
}
