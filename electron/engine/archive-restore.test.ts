import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodResults } from '../../shared/api';
import type { LetterDetail, SearchResult, TagInfo } from '../../shared/domain';
import { Archive } from './archive';
import { detailOf, exportFixture, type ExportFixture } from './export/export-test-support';
import { APPLIED_SETTINGS_FILE, readAppliedSettings } from './settings/applied-settings';
import { temporaryFolder } from './test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function fixture(): Promise<ExportFixture> {
  const made = await exportFixture(3);
  cleanups.push(made.remove);
  return made;
}

/** An empty archive opened as the web host leaves it: its uploads, exports and settings beside it. */
function emptyArchive(): { archive: Archive; dataDir: string; incoming: string } {
  const folder = temporaryFolder('huihan-restore-api');
  const dataDir = join(folder.path, '档案');
  const incoming = join(dataDir, 'incoming', 'batch-1');
  mkdirSync(incoming, { recursive: true });
  mkdirSync(join(dataDir, 'exports'));
  writeFileSync(join(dataDir, 'exports', '旧的导出.csv'), '序号\n');
  writeFileSync(join(dataDir, 'settings.json'), '{"recentFolders":[]}');
  writeFileSync(join(dataDir, APPLIED_SETTINGS_FILE), '{"customDictionary":[],"topicRules":[]}');
  const archive = Archive.open({ dataDir, searchWords: false });
  cleanups.push(() => {
    archive.close();
    folder.remove();
  });
  return { archive, dataDir, incoming };
}

async function search(archive: Archive, query: string): Promise<number> {
  const result = (await archive.handle('search', { query })) as SearchResult;
  return result.total;
}

describe('restoreArchive through the API', () => {
  it('restores a backup into the open empty archive: status, letters, tags and search work afterwards', async () => {
    const source = await fixture();
    const engineSettings = {
      customDictionary: ['达人英才卡'],
      topicRules: [{ topic: '人才', keywords: ['人才'] }],
    };
    await source.archive.handle('applySettings', engineSettings);
    const backup = (await source.archive.handle('backupArchive', {
      destination: join(source.out, '备份'),
    })) as MethodResults['backupArchive'];
    const first = await detailOf(source.archive, source.ids[0] ?? 0);
    const word = (first.parsed.proposal_title ?? '').slice(0, 4);
    expect(word.length).toBe(4);
    const expectedHits = await search(source.archive, word);
    expect(expectedHits).toBeGreaterThan(0);

    const target = emptyArchive();
    const uploaded = join(target.incoming, '备份.huihan');
    copyFileSync(backup.path, uploaded);
    // The backup's dictionary and topic rules come back, for the host to keep, and the engine uses them.
    expect(await target.archive.handle('restoreArchive', { source: uploaded })).toEqual({
      letterCount: 3,
      settings: engineSettings,
    });
    expect(readAppliedSettings(target.dataDir)).toEqual(engineSettings);

    expect((await target.archive.handle('status', {})) as { letterCount: number }).toMatchObject({
      letterCount: 3,
    });
    const restored = (await target.archive.handle('getLetter', { id: first.id })) as LetterDetail;
    expect(restored.issuer).toBe('中共达州市委组织部');
    expect(restored.text).toBe(first.text);
    const tags = (await target.archive.handle('listTags', {})) as TagInfo[];
    expect(tags.map((tag) => tag.name).sort()).toEqual(['人才', '重点']);
    expect(await search(target.archive, word)).toBe(expectedHits);
    // What the host keeps beside the archive survives the restore.
    expect(existsSync(uploaded)).toBe(true);
    expect(readFileSync(join(target.dataDir, 'exports', '旧的导出.csv'), 'utf8')).toBe('序号\n');
    expect(existsSync(join(target.dataDir, 'settings.json'))).toBe(true);
    expect(existsSync(join(target.dataDir, APPLIED_SETTINGS_FILE))).toBe(true);
    // A second restore is refused now that the archive holds letters.
    await expect(target.archive.handle('restoreArchive', { source: uploaded })).rejects.toThrow(
      /已有 3 封回函.*只能恢复到空的归档/u,
    );
  });

  it('refuses to restore over letters, and the archive goes on working', async () => {
    const source = await fixture();
    const engineSettings = {
      customDictionary: ['达人英才卡'],
      topicRules: [{ topic: '人才', keywords: ['人才'] }],
    };
    await source.archive.handle('applySettings', engineSettings);
    const backup = (await source.archive.handle('backupArchive', {
      destination: join(source.out, '备份'),
    })) as MethodResults['backupArchive'];
    await expect(source.archive.handle('restoreArchive', { source: backup.path })).rejects.toMatchObject({
      code: 'invalid_arguments',
      message: expect.stringMatching(/已有 3 封回函/u),
    });
    expect(((await source.archive.handle('status', {})) as { letterCount: number }).letterCount).toBe(3);
  });

  it('reports a damaged backup in Chinese and reopens the empty archive', async () => {
    const target = emptyArchive();
    const damaged = join(target.incoming, '坏的备份.huihan');
    writeFileSync(damaged, Buffer.from('这不是压缩包'));
    await expect(target.archive.handle('restoreArchive', { source: damaged })).rejects.toThrow(
      /备份文件无效或已损坏/u,
    );
    expect(((await target.archive.handle('status', {})) as { letterCount: number }).letterCount).toBe(0);
    expect(await search(target.archive, '人才')).toBe(0);
    expect(existsSync(join(target.dataDir, 'exports', '旧的导出.csv'))).toBe(true);
  });
});
