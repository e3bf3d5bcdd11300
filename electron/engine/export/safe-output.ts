import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../../shared/api-error';

/** Thrown inside a job when the user cancelled it; never shown as an error. */
export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** Whether `file` (resolved) lies inside `folder` (resolved), never above it. */
export function isInside(folder: string, file: string): boolean {
  const rel = relative(resolve(folder), resolve(file));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Refuses any path that would land outside the folder the user chose. */
export function assertInside(folder: string, file: string): string {
  const target = resolve(file);
  if (!isInside(folder, target)) {
    throw new ApiError('forbidden', `拒绝写入所选文件夹以外的位置：${target}`);
  }
  return target;
}

/** The folder must exist already: an export never creates folders the user did not choose. */
export function assertFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiError('not_found', `找不到要保存到的文件夹：${folder}`);
  }
}

/**
 * Resolves the file an export writes: `destination` with the format's extension (added when
 * missing), in a folder that exists. Returns the folder too: nothing is written outside it.
 */
export function resolveTargetFile(
  destination: string,
  extension: string,
): { folder: string; target: string } {
  let target = resolve(destination);
  if (extname(target).toLowerCase() !== extension) target = `${target}${extension}`;
  const folder = dirname(target);
  assertFolder(folder);
  return { folder, target: assertInside(folder, target) };
}

/** An existing file is replaced only when the user said so. */
export function assertCanWrite(target: string, overwrite: boolean): void {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    throw new ApiError('invalid_arguments', `已有同名的文件夹：${basename(target)}，请换一个文件名。`);
  }
  if (!overwrite) {
    throw new ApiError(
      'already_exists',
      `文件「${basename(target)}」已存在。是否覆盖？如要覆盖，请确认后重新导出（overwrite）。`,
    );
  }
}

/** A hidden temporary name beside `target`, in the same folder, so the final rename is atomic. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `target` atomically: `produce` fills a temporary file in the same folder, which is renamed
 * into place only when complete and not cancelled; on any failure or cancel the temporary is removed.
 */
export async function writeAtomically(
  target: string,
  produce: (temporary: string) => Promise<void>,
  options: { overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await produce(temporary);
    throwIfCancelled(options.signal);
    // Checked again: the file may have appeared while the export ran.
    assertCanWrite(target, options.overwrite);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export async function writeBytesAtomically(
  target: string,
  data: string | Uint8Array,
  options: { overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  await writeAtomically(target, (temporary) => writeFile(temporary, data), options);
}

/** Creates the originals folder when only it is missing (its parent must exist). */
export function ensureExportFolder(destination: string): string {
  const folder = resolve(destination);
  if (existsSync(folder)) {
    assertFolder(folder);
    return folder;
  }
  assertFolder(dirname(folder));
  mkdirSync(folder);
  return folder;
}
