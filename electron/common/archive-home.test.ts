import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api-schemas';
import { temporaryFolder } from '../engine/test-support';
import { ArchiveHome } from './archive-home';
import { openSettingsFile } from './settings-file';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function home(chooseFolder?: (title: string) => Promise<string | null>, importing = false) {
  const folder = temporaryFolder('huihan-home');
  cleanups.push(folder.remove);
  mkdirSync(join(folder.path, 'originals'), { recursive: true });
  writeFileSync(join(folder.path, 'huihan.sqlite'), Buffer.alloc(4096));
  writeFileSync(join(folder.path, 'originals', 'a'), '原件');
  const calls: Array<{ method: MethodName; args: unknown }> = [];
  let stopped = 0;
  const archiveHome = new ArchiveHome({
    dataDir: folder.path,
    openSettings: (dir) => openSettingsFile(join(dir, '..', '设置')),
    persistLocation: () => '',
    nextStartNote: () => '由 --data 决定',
    chooseFolder,
  });
  archiveHome.attach(
    {
      call: (method, args) => {
        calls.push({ method, args });
        if (method === 'listImports') return Promise.resolve(importing ? [{ state: 'running' }] : []);
        return Promise.resolve({});
      },
      start: () => undefined,
      stopAndWait: () => {
        stopped += 1;
        return Promise.resolve();
      },
    },
    () => undefined,
  );
  return { archiveHome, calls, dataDir: folder.path, stopped: () => stopped };
}

describe('ArchiveHome', () => {
  it('hands the engine its dictionary and topic rules after a start and after they change, not for other settings', async () => {
    const { archiveHome, calls } = home();
    await archiveHome.answer('updateSettings', { followUpAuthor: '王秘书' });
    expect(calls).toEqual([]);
    await archiveHome.answer('updateSettings', { customDictionary: ['蓝鲸湾计划'] });
    expect(calls).toEqual([
      { method: 'applySettings', args: { customDictionary: ['蓝鲸湾计划'], topicRules: [] } },
    ]);
    archiveHome.engineReady();
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    expect(await archiveHome.answer('getSettings', {})).toMatchObject({
      followUpAuthor: '王秘书',
      customDictionary: ['蓝鲸湾计划'],
    });
  });

  it('tells the settings screen where the archive is, how big, and whether a folder dialog exists', async () => {
    const web = home();
    expect(await web.archiveHome.answer('archiveLocation', {})).toMatchObject({
      dataDir: web.dataDir,
      files: 2,
      bytes: 4096 + Buffer.byteLength('原件'),
      canChooseFolder: false,
      nextStartNote: '由 --data 决定',
      moving: false,
    });
    await expect(web.archiveHome.answer('chooseFolder', {})).rejects.toMatchObject({
      code: 'not_available',
      message: expect.stringContaining('完整路径'),
    });
    const app = home(() => Promise.resolve('/媒体/新档案'));
    expect(await app.archiveHome.answer('chooseFolder', { title: '选择新位置' })).toEqual({
      path: '/媒体/新档案',
    });
  });

  it('refuses to move the archive while an import runs, before stopping the engine', async () => {
    const { archiveHome, dataDir, stopped } = home(undefined, true);
    await expect(
      archiveHome.answer('moveArchive', { target: join(dataDir, '..', '新位置'), keepPrevious: false }),
    ).rejects.toMatchObject({ message: expect.stringContaining('正在导入回函') });
    expect(stopped()).toBe(0);
    expect(await archiveHome.answer('archiveLocation', {})).toMatchObject({ dataDir, moving: false });
  });
});
