import { existsSync } from 'node:fs';
import { mkdir, readdir, realpath, rm, rmdir, stat, statfs } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ApiError, toApiErrorData } from '../../shared/api-error';
import type { ArchiveMoveProgress, ArchiveMoveResult } from '../../shared/archive-location';
import { copyArchiveFiles, listArchiveFiles, verifyArchiveCopy, type ArchiveFile } from './archive-copy';

/**
 * Moving the archive folder without losing anything (设置 › 档案位置 › 移动档案…): stop the engine,
 * checkpoint the database, copy every file, verify the copy (count, sizes, sha256 of the originals),
 * start the engine on the copy and check it sees the same letters, record the new folder, and only
 * then remove the old files. Until the engine has opened the copy, any failure removes the partial
 * copy and reopens the old archive, untouched. Plain Node: used by the app and the web host.
 */
export interface MoveEngine {
  /** Letters in the archive the engine has open now. */
  letterCount(): Promise<number>;
  /** Stops the engine and waits until its process has exited. */
  stop(): Promise<void>;
  /** Starts the engine on `dataDir` and answers what it opened there (its status). */
  startAt(dataDir: string): Promise<{ dataDir: string; letterCount: number }>;
}

export interface MoveArchiveOptions {
  from: string;
  to: string;
  /** Keep the old folder as it is (a copy stays behind) instead of removing it after the move. */
  keepPrevious: boolean;
  engine: MoveEngine;
  /** Records the new folder so that the next start opens it; returns what to tell the user about it. */
  persist: (dataDir: string) => string;
  onProgress?: (progress: ArchiveMoveProgress) => void;
  log?: (line: string) => void;
}

/**
 * The archive's database file (the engine's DATABASE_FILE_NAME, checked equal in the tests): named here
 * so that the main process does not load the engine's store, or SQLite, until an archive is moved.
 */
export const ARCHIVE_DATABASE_FILE = 'huihan.sqlite';

const fail = (message: string): ApiError => new ApiError('invalid_arguments', message);

const sizeText = (bytes: number): string =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The nearest folder of `path` (itself or an ancestor) that exists. */
function existingAncestor(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/**
 * Checks a destination before anything is stopped: a full path, not the archive nor inside it, an
 * empty or new folder, and room for `bytes` on its disk. Returns the destination, resolved.
 */
export async function checkMoveTarget(from: string, to: string, bytes: number): Promise<string> {
  const trimmed = to.trim();
  if (!isAbsolute(trimmed)) {
    throw fail('请填写完整的文件夹路径（例如 D:\\回函档案 或 /home/用户名/回函档案）。');
  }
  const target = resolve(trimmed);
  const source = await realpath(from);
  const anchor = existingAncestor(target);
  const anchorReal = await realpath(anchor);
  const targetReal = join(anchorReal, relative(anchor, target));
  if (targetReal === source) throw fail('新位置就是当前的档案文件夹。');
  if (isInside(source, targetReal))
    throw fail('不能把档案移动到它自己的文件夹里面，请选择档案文件夹以外的位置。');
  if (existsSync(target)) {
    const info = await stat(target);
    if (!info.isDirectory()) throw fail(`「${target}」是一个文件，不是文件夹。`);
    if ((await readdir(target)).length > 0) {
      throw fail(`文件夹「${target}」不是空的。请选择一个空文件夹，或填写一个尚不存在的新文件夹。`);
    }
  }
  try {
    const disk = await statfs(anchorReal);
    const free = disk.bavail * disk.bsize;
    if (free < bytes * 1.05 + 10 * 1024 ** 2) {
      throw fail(`目标磁盘空间不足：需要约 ${sizeText(bytes)}，可用 ${sizeText(free)}。`);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
  }
  return target;
}

/** Writes the database's write-ahead log into the database file, so the copy is one complete file. */
export async function checkpointDatabase(dataDir: string): Promise<void> {
  const file = join(dataDir, ARCHIVE_DATABASE_FILE);
  const wal = `${file}-wal`;
  if (!existsSync(file) || !existsSync(wal)) return;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Removes the copied files from the old folder, then the folders left empty; true if nothing remains. */
async function removePrevious(root: string, files: readonly ArchiveFile[]): Promise<boolean> {
  for (const file of files) await rm(join(root, ...file.path.split('/')), { force: true });
  await rm(join(root, `${ARCHIVE_DATABASE_FILE}-shm`), { force: true });
  const prune = async (dir: string): Promise<boolean> => {
    let empty = true;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && (await prune(join(dir, entry.name)))) continue;
      empty = false;
    }
    if (empty) await rmdir(dir);
    return empty;
  };
  return prune(root);
}

export async function moveArchive(options: MoveArchiveOptions): Promise<ArchiveMoveResult> {
  const { from, engine } = options;
  const report = (
    progress: Omit<ArchiveMoveProgress, 'files' | 'totalFiles' | 'bytes' | 'totalBytes'> &
      Partial<ArchiveMoveProgress>,
  ): void => options.onProgress?.({ files: 0, totalFiles: 0, bytes: 0, totalBytes: 0, ...progress });

  report({ phase: 'checking', message: '正在检查新位置……' });
  const before = await listArchiveFiles(from);
  const target = await checkMoveTarget(
    from,
    options.to,
    before.reduce((sum, file) => sum + file.size, 0),
  );
  const letterCount = await engine.letterCount();

  const createdTarget = !existsSync(target);
  let engineOnCopy = false;
  let persisted = false;
  try {
    report({ phase: 'stopping', message: '正在关闭归档引擎……' });
    await engine.stop();
    await checkpointDatabase(from);
    const files = await listArchiveFiles(from);
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    await mkdir(target, { recursive: true });
    report({ phase: 'copying', message: '正在复制档案……', totalFiles: files.length, totalBytes });
    const hashes = await copyArchiveFiles(from, target, files, (progress) =>
      report({ phase: 'copying', message: '正在复制档案……', ...progress }),
    );
    const done = { files: files.length, totalFiles: files.length, bytes: totalBytes, totalBytes };
    report({ phase: 'verifying', message: '正在核对复制的文件……', ...done });
    const difference = await verifyArchiveCopy(target, files, hashes);
    if (difference) throw new Error(difference);

    report({ phase: 'starting', message: '正在新位置打开档案……', ...done });
    const opened = await engine.startAt(target);
    engineOnCopy = true;
    if (opened.letterCount !== letterCount) {
      throw new Error(`新位置的档案有 ${opened.letterCount} 封回函，原档案有 ${letterCount} 封。`);
    }
    persisted = true;
    const nextStart = options.persist(target);

    let previousRemoved = false;
    if (!options.keepPrevious) {
      report({ phase: 'cleaning', message: '正在删除原位置的文件……', ...done });
      try {
        previousRemoved = await removePrevious(from, files);
      } catch (error) {
        options.log?.(`archive move: removing ${from} failed: ${toApiErrorData(error).message}`);
      }
    }
    const previousNote = options.keepPrevious
      ? `原位置「${from}」的文件已保留，可在确认无误后自行删除。`
      : previousRemoved
        ? `原位置「${from}」的文件已删除。`
        : `原位置「${from}」中还有不属于档案的文件（或无法删除的文件），已保留，请自行查看。`;
    return {
      dataDir: target,
      previousDir: from,
      letterCount,
      files: files.length,
      bytes: totalBytes,
      previousRemoved,
      note: `档案已移动到「${target}」，共 ${letterCount} 封回函。${previousNote}${nextStart}`,
    };
  } catch (error) {
    const reason = toApiErrorData(error).message;
    options.log?.(`archive move to ${target} failed: ${reason}`);
    if (engineOnCopy) await engine.stop().catch(() => undefined);
    if (persisted) {
      try {
        options.persist(from);
      } catch (persistError) {
        options.log?.(
          `archive move: recording ${from} again failed: ${toApiErrorData(persistError).message}`,
        );
      }
    }
    await removePartialCopy(target, createdTarget).catch(() => undefined);
    await engine
      .startAt(from)
      .catch((restartError: unknown) =>
        options.log?.(`archive move: reopening ${from} failed: ${toApiErrorData(restartError).message}`),
      );
    throw new ApiError('internal', `移动没有完成，原档案仍在「${from}」，没有任何改动。原因：${reason}`);
  }
}

/** Removes what the move wrote: the folder it created, or the contents of the empty folder it was given. */
async function removePartialCopy(target: string, createdTarget: boolean): Promise<void> {
  if (!existsSync(target)) return;
  if (createdTarget) {
    await rm(target, { recursive: true, force: true });
    return;
  }
  for (const entry of await readdir(target)) await rm(join(target, entry), { recursive: true, force: true });
}
