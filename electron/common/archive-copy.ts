import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Copying an archive folder file by file, with progress, and checking the copy: every file present
 * with its size, and the originals (the letters' files, content-addressed) byte for byte by sha256.
 * Plain Node: used by the app's main process and the web host alike (see archive-move.ts).
 */
export interface ArchiveFile {
  /** Path inside the archive folder, with '/' separators. */
  path: string;
  size: number;
}

export interface CopyProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** Files that are never copied: SQLite's shared-memory index (rebuilt on open) and half-written temporaries. */
const SKIP = [/-shm$/u, /\.tmp$/u];

/** Every regular file under `root`, sorted; symbolic links and other special files are not archive content. */
export async function listArchiveFiles(root: string): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !SKIP.some((pattern) => pattern.test(entry.name))) {
        files.push({ path: relative(root, full).split(sep).join('/'), size: (await stat(full)).size });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Whether a file is one of the letters' originals (checked by content, not only by size). */
export function isOriginal(path: string): boolean {
  return path.startsWith('originals/');
}

/**
 * Copies `files` from `from` to `to` (which must exist), reporting progress as bytes flow; returns the
 * sha256 of each original as read from the source. Throws on the first error (nothing is retried).
 */
export async function copyArchiveFiles(
  from: string,
  to: string,
  files: readonly ArchiveFile[],
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<Map<string, string>> {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const progress: CopyProgress = { files: 0, totalFiles: files.length, bytes: 0, totalBytes };
  const hashes = new Map<string, string>();
  let lastReport = 0;
  const made = new Set<string>();
  for (const file of files) {
    const target = join(to, ...file.path.split('/'));
    if (!made.has(dirname(target))) {
      await mkdir(dirname(target), { recursive: true });
      made.add(dirname(target));
    }
    const hash = isOriginal(file.path) ? createHash('sha256') : null;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash?.update(chunk);
        progress.bytes += chunk.length;
        const now = Date.now();
        if (now - lastReport > 100) {
          lastReport = now;
          onProgress({ ...progress });
        }
        callback(null, chunk);
      },
    });
    await pipeline(
      createReadStream(join(from, ...file.path.split('/'))),
      counter,
      createWriteStream(target, { flags: 'wx' }),
    );
    if (hash) hashes.set(file.path, hash.digest('hex'));
    progress.files += 1;
    onProgress({ ...progress });
  }
  return hashes;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Checks the copy against the source's list: same files, same sizes, and each original's sha256
 * equal to the source's. Returns a Chinese description of the first difference, or null when equal.
 */
export async function verifyArchiveCopy(
  to: string,
  expected: readonly ArchiveFile[],
  sourceHashes: ReadonlyMap<string, string>,
): Promise<string | null> {
  const copied = await listArchiveFiles(to);
  if (copied.length !== expected.length) {
    return `复制后的文件数（${copied.length}）与原档案（${expected.length}）不一致。`;
  }
  const sizes = new Map(copied.map((file) => [file.path, file.size]));
  for (const file of expected) {
    const size = sizes.get(file.path);
    if (size === undefined) return `新位置缺少文件「${file.path}」。`;
    if (size !== file.size) return `文件「${file.path}」复制后大小不符（${size} / ${file.size} 字节）。`;
  }
  for (const [path, hash] of sourceHashes) {
    if ((await sha256Of(join(to, ...path.split('/')))) !== hash) return `原件「${path}」复制后内容不符。`;
  }
  return null;
}
