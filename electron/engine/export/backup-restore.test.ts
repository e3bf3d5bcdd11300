import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterDetail, TagInfo } from '../../../shared/domain';
import { Archive } from '../archive';
import { originalPath } from '../store/originals';
import { backupArchive, MANIFEST_ENTRY } from './backup';
import { detailOf, exportFixture, type ExportFixture } from './export-test-support';
import { exportHandlers } from './handlers';
import { isEmptyArchiveFolder, restoreArchive } from './restore';

const fixtures: ExportFixture[] = [];
const opened: Archive[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
  while (fixtures.length) fixtures.pop()?.remove();
});

async function setup(count = 4): Promise<ExportFixture> {
  const fixture = await exportFixture(count);
  fixtures.push(fixture);
  return fixture;
}

async function allDetails(archive: Archive): Promise<LetterDetail[]> {
  const ids = archive.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
  return Promise.all(ids.map((id) => detailOf(archive, id)));
}

function writeZipFile(file: string, entries: Array<[string, Buffer]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
    const output = createWriteStream(file);
    output.on('close', () => resolve());
    output.on('error', reject);
    zip.outputStream.pipe(output);
    zip.end();
  });
}

describe('backup and restore', () => {
  it('restores an identical archive: letters, fields, corrections, tags, commitments, originals byte for byte, search', async () => {
    const fixture = await setup();
    const { path, bytes } = await backupArchive(
      fixture.archive.db,
      fixture.dataDir,
      join(fixture.out, '备份'),
      {
        settings: { customDictionary: ['达人英才卡'] },
      },
    );
    expect(path).toBe(join(fixture.out, '备份.huihan'));
    expect(bytes).toBeGreaterThan(0);
    expect(readdirSync(fixture.out)).toEqual(['备份.huihan']);

    const target = join(fixture.root, '恢复的档案');
    const progress: number[] = [];
    const result = await restoreArchive(path, target, { onProgress: (p) => progress.push(p.done) });
    expect(result.letterCount).toBe(fixture.ids.length);
    expect(result.settings).toEqual({ customDictionary: ['达人英才卡'] });
    expect(progress.at(-1)).toBeGreaterThan(fixture.ids.length);

    const restored = Archive.open({ dataDir: target, searchWords: false });
    opened.push(restored);
    const before = await allDetails(fixture.archive);
    const after = await allDetails(restored);
    expect(after).toEqual(before);
    expect(after[0]?.corrections).toEqual({ issuer: '中共达州市委组织部' });
    for (const letter of before) {
      expect(
        readFileSync(originalPath(target, letter.sha256)).equals(
          readFileSync(originalPath(fixture.dataDir, letter.sha256)),
        ),
      ).toBe(true);
    }
    expect(await restored.handle('listTags', {})).toEqual(
      (await fixture.archive.handle('listTags', {})) as TagInfo[],
    );
    const query = `部门:中共达州市委组织部`;
    const ids = (archive: Archive) =>
      archive.search.search({ query, sort: 'relevance', offset: 0, limit: 100 }).hits.map((hit) => hit.id);
    expect(ids(fixture.archive)).toEqual([fixture.ids[0]]);
    expect(ids(restored)).toEqual(ids(fixture.archive));
  });

  it('refuses to restore into a folder that is not empty, and leaves it untouched', async () => {
    const fixture = await setup(1);
    const { path } = await backupArchive(fixture.archive.db, fixture.dataDir, join(fixture.out, 'b.zip'));
    const target = join(fixture.root, '已有内容');
    mkdirSync(target);
    writeFileSync(join(target, '笔记.txt'), '重要');
    await expect(restoreArchive(path, target)).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(restoreArchive(path, target)).rejects.toThrow(/只能恢复到空的归档文件夹/u);
    expect(readdirSync(target)).toEqual(['笔记.txt']);
    // An archive with letters is never replaced, even when asked to replace an empty one.
    expect(isEmptyArchiveFolder(fixture.dataDir)).toBe(false);
  });

  it('replaces an empty archive (closed) when asked to', async () => {
    const fixture = await setup(2);
    const { path } = await backupArchive(fixture.archive.db, fixture.dataDir, join(fixture.out, 'b.huihan'));
    const target = join(fixture.root, '新档案');
    Archive.open({ dataDir: target, searchWords: false }).close();
    expect(isEmptyArchiveFolder(target)).toBe(true);
    await expect(restoreArchive(path, target)).rejects.toMatchObject({ code: 'invalid_arguments' });
    const result = await restoreArchive(path, target, { replaceEmptyArchive: true });
    expect(result.letterCount).toBe(2);
  });

  it('never overwrites an existing backup file', async () => {
    const fixture = await setup(1);
    writeFileSync(join(fixture.out, 'b.huihan'), 'x');
    await expect(
      backupArchive(fixture.archive.db, fixture.dataDir, join(fixture.out, 'b.huihan')),
    ).rejects.toMatchObject({ code: 'already_exists' });
    expect(readFileSync(join(fixture.out, 'b.huihan'), 'utf8')).toBe('x');
  });

  it('rejects a zip with path traversal, unknown entries, or sizes that do not match, leaving the folder empty', async () => {
    const fixture = await setup(1);
    const manifest = (files: Array<{ name: string; size: number }>) =>
      Buffer.from(JSON.stringify({ format: 'huihan-backup', version: 1, files }));
    const cases: Array<[string, Array<[string, Buffer]>]> = [
      [
        'traversal.zip',
        [
          [MANIFEST_ENTRY, manifest([])],
          ['originals/xx/yy/evil.txt', Buffer.from('x')],
        ],
      ],
      [
        'unknown.zip',
        [
          [MANIFEST_ENTRY, manifest([])],
          ['evil.sh', Buffer.from('x')],
        ],
      ],
      ['no-manifest.zip', [['huihan.sqlite', Buffer.from('x')]]],
      [
        'size.zip',
        [
          [MANIFEST_ENTRY, manifest([{ name: 'huihan.sqlite', size: 99 }])],
          ['huihan.sqlite', Buffer.from('x')],
        ],
      ],
      [
        'checksum.zip',
        [
          [
            MANIFEST_ENTRY,
            manifest([
              { name: 'huihan.sqlite', size: 1 },
              { name: `originals/ab/${'a'.repeat(64)}`, size: 1 },
            ]),
          ],
          ['huihan.sqlite', Buffer.from('x')],
          [`originals/ab/${'a'.repeat(64)}`, Buffer.from('y')],
        ],
      ],
    ];
    for (const [name, entries] of cases) {
      const file = join(fixture.out, name);
      await writeZipFile(file, entries);
      if (name === 'traversal.zip') {
        // yazl refuses to write such a name, so it is patched into the zip afterwards.
        const bytes = readFileSync(file);
        writeFileSync(
          file,
          Buffer.from(
            bytes.toString('latin1').replaceAll('originals/xx/yy/evil.txt', 'originals/../../evil.txt'),
            'latin1',
          ),
        );
      }
      const target = join(fixture.root, `restore-${name}`);
      await expect(restoreArchive(file, target), name).rejects.toMatchObject({ code: 'invalid_arguments' });
      expect(readdirSync(target), name).toEqual([]);
    }
    expect(existsSync(join(fixture.root, 'evil.txt'))).toBe(false);
  });

  it('rejects a zip bomb by its declared sizes before extracting', async () => {
    const fixture = await setup(1);
    const file = join(fixture.out, 'bomb.zip');
    await writeZipFile(file, [
      [MANIFEST_ENTRY, Buffer.from('{}')],
      ['huihan.sqlite', Buffer.alloc(30 * 1024 * 1024)],
    ]);
    const target = join(fixture.root, 'bomb');
    await expect(restoreArchive(file, target)).rejects.toThrow(/压缩炸弹/u);
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('export handlers', () => {
  it('export through the handlers emits export-progress events and writes the file', async () => {
    const fixture = await setup(2);
    const events: unknown[] = [];
    const handlers = exportHandlers({
      db: fixture.archive.db,
      dataDir: fixture.dataDir,
      emit: (message) => events.push(message),
      resolveQuery: () => fixture.ids,
    });
    const { jobId } = await handlers.exportLetters({
      selection: { query: '全部' },
      format: 'csv',
      destination: join(fixture.out, 'a.csv'),
      order: 'date',
      overwrite: false,
    });
    expect(await handlers.cancelExport({ jobId: 'nope' })).toEqual({ cancelled: false });
    for (
      let wait = 0;
      wait < 100 && !JSON.stringify(events.at(-1) ?? {}).includes('"finished":true');
      wait += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(existsSync(join(fixture.out, 'a.csv'))).toBe(true);
    expect(events.at(-1)).toMatchObject({
      type: 'event',
      event: 'export-progress',
      payload: { jobId, finished: true },
    });

    const backup = await handlers.backupArchive({ destination: join(fixture.out, 'b.huihan') });
    expect(backup.path).toBe(join(fixture.out, 'b.huihan'));
    await expect(handlers.restoreArchive({ source: backup.path })).rejects.toThrow(/已有 2 封回函/u);
  });
});
