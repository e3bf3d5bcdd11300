import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api-schemas';
import { readArchivePointer } from '../common/archive-pointer';
import { appDataDir, defaultArchiveDir, resolveArchiveDir, userDataDir } from '../common/data-folder';
import { Archive } from '../engine/archive';
import { temporaryFolder } from '../engine/test-support';
import { webArchiveHome } from './web-archive-home';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The web host's home over a real engine run in-process (the supervisor's part played by hand). */
function setup(explicit: boolean) {
  const folder = temporaryFolder('huihan-web-home');
  cleanups.push(folder.remove);
  const env = { XDG_CONFIG_HOME: join(folder.path, 'config') };
  const userData = userDataDir(appDataDir(env));
  const dataDir = explicit ? join(folder.path, '指定的档案') : defaultArchiveDir(userData);
  const home = webArchiveHome({ dataDir, explicit, env });
  let archive: Archive | null = Archive.open({ dataDir, searchWords: false });
  cleanups.push(() => archive?.close());
  home.attach(
    {
      call: (method: MethodName, args: unknown) => archive!.handle(method, args),
      start: () => {
        archive = Archive.open({ dataDir: home.dataDir, searchWords: false });
      },
      stopAndWait: () => {
        archive?.close();
        archive = null;
        return Promise.resolve();
      },
    },
    () => undefined,
  );
  return { home, env, userData, dataDir, target: join(folder.path, '移动后', '档案') };
}

describe('the web host archive home', () => {
  it('moves the shared archive, takes its settings along, and records it for the next start of every host', async () => {
    const { home, env, userData, dataDir, target } = setup(false);
    await home.answer('updateSettings', { followUpAuthor: '王秘书', customDictionary: ['蓝鲸湾计划'] });
    expect(existsSync(join(userData, 'settings.json'))).toBe(true);
    const result = (await home.answer('moveArchive', { target, keepPrevious: false })) as { note: string };
    expect(result.note).toContain('下次启动时，桌面程序、网页界面和命令行都会打开新位置');
    expect(home.dataDir).toBe(target);
    expect(readArchivePointer(userData)).toBe(target);
    expect(resolveArchiveDir(undefined, env)).toBe(target);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(target, 'settings.json'))).toBe(true);
    expect(await home.answer('getSettings', {})).toMatchObject({
      followUpAuthor: '王秘书',
      customDictionary: ['蓝鲸湾计划'],
    });
    expect(await home.answer('archiveLocation', {})).toMatchObject({ dataDir: target, moving: false });
  });

  it('started with --data, moves for this run only and says that --data decides the next start', async () => {
    const { home, userData, target } = setup(true);
    expect(((await home.answer('archiveLocation', {})) as { nextStartNote: string }).nextStartNote).toContain(
      '--data',
    );
    const result = (await home.answer('moveArchive', { target, keepPrevious: true })) as { note: string };
    expect(result.note).toContain(`--data "${target}"`);
    expect(result.note).toContain('已保留');
    expect(readArchivePointer(userData)).toBeNull();
  });
});
