import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of original files, kept byte for byte and named by their sha256. */
export function originalsDir(archiveDir: string): string {
  return join(archiveDir, 'originals');
}

export function originalPath(archiveDir: string, sha256: string): string {
  return join(originalsDir(archiveDir), sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Opens a new file for writing, making its folder only when it is missing (mkdir is not free). */
function openCreatingFolder(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'w');
  }
}

/**
 * Stores an original atomically: written to a temporary file, flushed, then renamed into place, so a
 * crash leaves either the whole file or none. The same content is stored once.
 */
export function saveOriginal(archiveDir: string, sha256: string, bytes: Uint8Array): string {
  const target = originalPath(archiveDir, sha256);
  if (existsSync(target) && statSync(target).size === bytes.length) return target;
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openCreatingFolder(temporary);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
  return target;
}

export function readOriginal(archiveDir: string, sha256: string): Buffer {
  return readFileSync(originalPath(archiveDir, sha256));
}
