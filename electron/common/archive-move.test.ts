import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveMoveProgress } from '../../shared/archive-location';
import { Archive } from '../engine/archive';
import { DATABASE_FILE_NAME } from '../engine/store/database';
import { temporaryFolder } from '../engine/test-support';
import { listArchiveFiles } from './archive-copy';
import { ARCHIVE_DATABASE_FILE, checkpointDatabase, moveArchive, type MoveEngine } from './archive-move';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A real archive with `count` letters, each with its original file kept content-addressed. */
function makeArchive(count: number): { root: string; dataDir: string } {
  const folder = temporaryFolder('huihan-move');
  cleanups.push(folder.remove);
  const archive = Archive.open({ dataDir: folder.path, searchWords: false });
  const insert = archive.db.prepare(
    "INSERT INTO letters (sha256, file_name, byte_size, imported_at) VALUES (?, ?, ?, '2024-05-01')",
  );
  const insertText = archive.db.prepare('INSERT INTO letter_texts (letter_id, text) VALUES (?, ?)');
  for (let index = 0; index < count; index += 1) {
    const body = Buffer.from(`关于第${index}号提案的答复函：人才公寓建设`.repeat(200 + index));
    const sha = createHash('sha256').update(body).digest('hex');
    mkdirSync(join(folder.path, 'originals', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(folder.path, 'originals', sha.slice(0, 2), sha), body);
    const id = insert.run(sha, `答复${index}.docx`, body.length).lastInsertRowid;
    insertText.run(id, body.toString());
  }
  archive.close();
  return { root: join(folder.path, '..'), dataDir: folder.path };
}

function lettersIn(dataDir: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The engine as the hosts drive it, in-process: a real Archive opened on whichever folder it is told. */
function inProcessEngine(
  dataDir: string,
): MoveEngine & { current: () => string; opened: () => Archive | null } {
  let current = dataDir;
  let archive: Archive | null = Archive.open({ dataDir, searchWords: false });
  cleanups.push(() => archive?.close());
  return {
    current: () => current,
    opened: () => archive,
    letterCount: () => Promise.resolve(archive!.status().letterCount),
    stop: () => {
      archive?.close();
      archive = null;
      return Promise.resolve();
    },
    startAt: (dir) => {
      current = dir;
      archive = Archive.open({ dataDir: dir, searchWords: false });
      const status = archive.status();
      return Promise.resolve({ dataDir: status.dataDir, letterCount: status.letterCount });
    },
  };
}

describe('moveArchive', () => {
  it('copies every file, checks it, opens the copy with the same letters, then removes the old folder', async () => {
    const { root, dataDir } = makeArchive(5);
    const filesBefore = await listArchiveFiles(dataDir);
    const engine = inProcessEngine(dataDir);
    const target = join(root, '新位置', '档案');
    const progress: ArchiveMoveProgress[] = [];
    const persisted: string[] = [];
    const result = await moveArchive({
      from: dataDir,
      to: target,
      keepPrevious: false,
      engine,
      persist: (dir) => {
        persisted.push(dir);
        return '';
      },
      onProgress: (step) => progress.push(step),
    });
    expect(result).toMatchObject({ dataDir: target, letterCount: 5, previousRemoved: true });
    expect(persisted).toEqual([target]);
    expect(engine.current()).toBe(target);
    expect(engine.opened()?.status().letterCount).toBe(5);
    expect(existsSync(dataDir)).toBe(false);
    const filesAfter = await listArchiveFiles(target);
    expect(filesAfter.filter((file) => file.path.startsWith('originals/'))).toEqual(
      filesBefore.filter((file) => file.path.startsWith('originals/')),
    );
    const last = progress.filter((step) => step.phase === 'copying').at(-1)!;
    expect(last.files).toBe(last.totalFiles);
    expect(last.bytes).toBe(last.totalBytes);
    expect(progress.map((step) => step.phase)).toEqual(
      expect.arrayContaining(['checking', 'stopping', 'copying', 'verifying', 'starting', 'cleaning']),
    );
    expect(result.note).toContain('已删除');
  });

  it('keeps the old folder when asked, and says so', async () => {
    const { root, dataDir } = makeArchive(2);
    const engine = inProcessEngine(dataDir);
    const target = join(root, '备份位置');
    const result = await moveArchive({
      from: dataDir,
      to: target,
      keepPrevious: true,
      engine,
      persist: () => '',
    });
    expect(result.previousRemoved).toBe(false);
    expect(result.note).toContain('已保留');
    expect(lettersIn(dataDir)).toBe(2);
    expect(lettersIn(target)).toBe(2);
  });

  it('fails half-way through the copy without touching the old archive, which opens again', async () => {
    const { root, dataDir } = makeArchive(6);
    const engine = inProcessEngine(dataDir);
    const target = join(root, '中途失败');
    const originalsBefore = (await listArchiveFiles(dataDir)).filter((file) =>
      file.path.startsWith('originals/'),
    );
    const move = moveArchive({
      from: dataDir,
      to: target,
      keepPrevious: false,
      engine,
      persist: () => '',
      onProgress: (step) => {
        if (step.phase === 'copying' && step.files >= 3) throw new Error('磁盘已满（模拟）');
      },
    });
    await expect(move).rejects.toMatchObject({ message: expect.stringMatching(/移动没有完成.*磁盘已满/u) });
    expect(existsSync(target)).toBe(false);
    expect(engine.current()).toBe(dataDir);
    expect(engine.opened()?.status().letterCount).toBe(6);
    const originalsAfter = (await listArchiveFiles(dataDir)).filter((file) =>
      file.path.startsWith('originals/'),
    );
    expect(originalsAfter).toEqual(originalsBefore);
    for (const file of originalsAfter) {
      const bytes = readFileSync(join(dataDir, ...file.path.split('/')));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.path.split('/').at(-1));
    }
  });

  it('goes back to the old archive when the copy does not open with the same letters', async () => {
    const { root, dataDir } = makeArchive(3);
    const inner = inProcessEngine(dataDir);
    const engine: MoveEngine = {
      ...inner,
      startAt: async (dir) => {
        const opened = await inner.startAt(dir);
        return dir === dataDir ? opened : { ...opened, letterCount: opened.letterCount - 1 };
      },
    };
    const target = join(root, '不一致');
    mkdirSync(target);
    await expect(
      moveArchive({ from: dataDir, to: target, keepPrevious: false, engine, persist: () => '' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('原档案有 3 封') });
    expect(readdirSync(target)).toEqual([]);
    expect(inner.current()).toBe(dataDir);
    expect(lettersIn(dataDir)).toBe(3);
  });

  it('refuses, in Chinese and before stopping anything, a folder that is not empty, inside the archive, or not a full path', async () => {
    const { root, dataDir } = makeArchive(1);
    const engine = inProcessEngine(dataDir);
    const occupied = join(root, '已有文件');
    mkdirSync(occupied);
    writeFileSync(join(occupied, '别的.txt'), '别的文件');
    const attempt = (to: string) =>
      moveArchive({ from: dataDir, to, keepPrevious: false, engine, persist: () => '' });
    await expect(attempt(occupied)).rejects.toMatchObject({ message: expect.stringContaining('不是空的') });
    await expect(attempt(join(dataDir, 'originals', '子文件夹'))).rejects.toMatchObject({
      message: expect.stringContaining('自己的文件夹里面'),
    });
    await expect(attempt(dataDir)).rejects.toMatchObject({ message: expect.stringContaining('就是当前') });
    await expect(attempt('相对/路径')).rejects.toMatchObject({
      message: expect.stringContaining('完整的文件夹路径'),
    });
    expect(engine.opened()?.status().letterCount).toBe(1);
    expect(readFileSync(join(occupied, '别的.txt'), 'utf8')).toBe('别的文件');
  });

  it('writes the database log into the database file before copying, so the copy is complete', async () => {
    const { dataDir } = makeArchive(0);
    expect(ARCHIVE_DATABASE_FILE).toBe(DATABASE_FILE_NAME);
    const db = new Database(join(dataDir, DATABASE_FILE_NAME));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare(
      "INSERT INTO letters (sha256, file_name, byte_size, imported_at) VALUES ('f', '写入日志.txt', 1, '2024-01-01')",
    ).run();
    const wal = join(dataDir, `${DATABASE_FILE_NAME}-wal`);
    expect(statSync(wal).size).toBeGreaterThan(0);
    await checkpointDatabase(dataDir);
    db.close();
    const copy = join(dataDir, '..', '只有数据库');
    mkdirSync(copy);
    copyFileSync(join(dataDir, DATABASE_FILE_NAME), join(copy, DATABASE_FILE_NAME));
    expect(lettersIn(copy)).toBe(1);
  });
});
