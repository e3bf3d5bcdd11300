import { mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { originalPath } from '../store/originals';

/** Opens a new file for writing, making its folder only when it is missing (mkdir is not free). */
async function openCreatingFolder(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(file), { recursive: true });
    return open(file, 'w');
  }
}

async function sameSizeFileExists(path: string, size: number): Promise<boolean> {
  try {
    return (await stat(path)).size === size;
  } catch {
    return false;
  }
}

/**
 * Stores an import's originals off the engine's thread: each is written to a temporary file of its
 * own, flushed to disk (fsync), then renamed into place, so a crash leaves either the whole file or
 * none; `save` resolves only then, and the import commits the letter row after it. The flushes of
 * the letters in flight run side by side in Node's I/O threads instead of blocking the engine one
 * after another. Two files of one batch with the same content share one write.
 */
export class OriginalWriter {
  private readonly writing = new Map<string, Promise<void>>();
  private nextTemporary = 0;

  constructor(private readonly archiveDir: string) {}

  save(sha256: string, bytes: Uint8Array): Promise<void> {
    const running = this.writing.get(sha256);
    if (running) return running;
    const written = this.write(sha256, bytes).finally(() => this.writing.delete(sha256));
    this.writing.set(sha256, written);
    return written;
  }

  private async write(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = originalPath(this.archiveDir, sha256);
    if (await sameSizeFileExists(target, bytes.length)) return;
    this.nextTemporary += 1;
    const temporary = `${target}.${process.pid}-${this.nextTemporary}.tmp`;
    const handle = await openCreatingFolder(temporary);
    try {
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}
