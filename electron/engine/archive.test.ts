import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from './archive';
import { temporaryFolder } from './test-support';
import { LATEST_SCHEMA_VERSION } from './store/migrations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function openArchive(): { archive: Archive; dataDir: string } {
  const folder = temporaryFolder();
  const archive = Archive.open({ dataDir: folder.path });
  cleanups.push(folder.remove, () => archive.close());
  return { archive, dataDir: folder.path };
}

describe('Archive', () => {
  it('reports the archive it opened', async () => {
    const { archive, dataDir } = openArchive();
    const status = await archive.handle('status', {});
    expect(status).toMatchObject({
      dataDir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      letterCount: 0,
      pid: process.pid,
    });
    archive.db
      .prepare(
        "INSERT INTO letters (sha256, file_name, byte_size, imported_at) VALUES ('abc', '答复.docx', 10, '2024-01-01')",
      )
      .run();
    expect(await archive.handle('status', undefined)).toMatchObject({ letterCount: 1 });
  });

  it('answers a call it cannot carry out with a clear Chinese error, never with data', async () => {
    const { archive } = openArchive();
    await expect(archive.handle('restoreArchive', { source: '/tmp/无此备份.huihan' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('找不到备份文件'),
    });
    expect(await archive.handle('status', undefined)).toMatchObject({ letterCount: 0 });
  });

  it('validates every argument where it enters the engine', async () => {
    const { archive } = openArchive();
    await expect(archive.handle('getLetter', { id: 'x' })).rejects.toMatchObject({
      code: 'invalid_arguments',
    });
    await expect(archive.handle('rm -rf', {})).rejects.toMatchObject({ code: 'unknown_method' });
  });

  it('says in Chinese why a folder cannot hold an archive', () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    const aFile = join(folder.path, '不是文件夹.txt');
    writeFileSync(aFile, '');
    expect(() => Archive.open({ dataDir: join(aFile, 'archive') })).toThrow(/无法创建归档文件夹/u);
  });
});
