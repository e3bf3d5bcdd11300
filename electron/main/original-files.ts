import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Shell } from 'electron';
import { ApiError } from '../../shared/api-error';
import type { MethodResults } from '../../shared/api';
import type { MethodName } from '../../shared/api-schemas';
import type { HostCapabilities, OriginalFileInfo } from '../../shared/domain';

export interface OriginalFilesDeps {
  engine: { call(method: MethodName, args: unknown): Promise<unknown> };
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>;
  /** Where readable copies of originals are made for opening (the app's temp folder). */
  tempDir: string;
}

/** The methods of HOST_METHODS this module answers in the app. */
export const ORIGINAL_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'hostCapabilities',
  'openOriginal',
  'showOriginalInFolder',
]);

const APP_CAPABILITIES: HostCapabilities = {
  openOriginal: 'system',
  showInFolder: true,
  exportDestination: 'native',
};

/** A file name safe on Windows, macOS and Linux, keeping the name and extension the user knows. */
export function readableFileName(fileName: string): string {
  const name = [...basename(fileName.replace(/\\/gu, '/'))]
    .map((char) => (char.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  return name === '' ? '原件' : name.slice(-150);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sha256Of(path: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return null;
  }
}

async function originalOf(deps: OriginalFilesDeps, id: number): Promise<OriginalFileInfo> {
  const info = (await deps.engine.call('originalFile', { id })) as OriginalFileInfo;
  if (!(await exists(info.path))) {
    throw new ApiError('not_found', `归档文件夹中找不到「${info.fileName}」的原件，可能已被移动或删除。`);
  }
  return info;
}

/**
 * Opens the original with the system's program. The archive keeps it under its sha256 (no extension),
 * so a read-only copy under its readable name is opened: the system then knows the program, and the
 * archive's copy cannot be changed by it.
 */
export async function openOriginal(
  deps: OriginalFilesDeps,
  id: number,
): Promise<MethodResults['openOriginal']> {
  const info = await originalOf(deps, id);
  const folder = join(deps.tempDir, 'huihan-originals', info.sha256.slice(0, 16));
  const copy = join(folder, readableFileName(info.fileName));
  await mkdir(folder, { recursive: true });
  await rm(copy, { force: true });
  await copyFile(info.path, copy);
  await chmod(copy, 0o444);
  const failure = await deps.shell.openPath(copy);
  if (failure) throw new ApiError('not_available', `无法打开「${info.fileName}」：${failure}`);
  return { url: null };
}

/** Shows the file imported (where it still is, unchanged), else the archive's own copy, in its folder. */
export async function showOriginalInFolder(
  deps: OriginalFilesDeps,
  id: number,
): Promise<MethodResults['showOriginalInFolder']> {
  const info = await originalOf(deps, id);
  const source = info.sourcePath;
  const sourceUnchanged =
    source !== null && (await exists(source)) && (await sha256Of(source)) === info.sha256;
  deps.shell.showItemInFolder(sourceUnchanged ? source : info.path);
  return { shown: true };
}

/** Answers one of ORIGINAL_METHODS (arguments already validated). */
export async function answerOriginalMethod(
  deps: OriginalFilesDeps,
  method: MethodName,
  args: unknown,
): Promise<unknown> {
  const { id } = args as { id: number };
  if (method === 'hostCapabilities') return APP_CAPABILITIES;
  if (method === 'openOriginal') return openOriginal(deps, id);
  if (method === 'showOriginalInFolder') return showOriginalInFolder(deps, id);
  throw new ApiError('unknown_method', `未知的操作：${method}`);
}
