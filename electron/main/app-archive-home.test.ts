import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { temporaryFolder } from '../engine/test-support';
import { openSettingsFile } from '../common/settings-file';
import { readArchivePointer } from '../common/archive-pointer';

vi.mock('electron', () => ({}));
vi.mock('electron-store', () => ({ default: vi.fn() }));

const { appArchiveHome } = await import('./app-archive-home');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(options: { fromEnvironment?: boolean; chosen?: string[]; canceled?: boolean } = {}) {
  const folder = temporaryFolder('huihan-app-home');
  cleanups.push(folder.remove);
  const userData = join(folder.path, 'userData');
  const showOpenDialog = vi.fn(() =>
    Promise.resolve({ canceled: options.canceled ?? false, filePaths: options.chosen ?? [] }),
  );
  const home = appArchiveHome({
    archiveDir: join(userData, 'archive'),
    userData,
    fromEnvironment: options.fromEnvironment ?? false,
    dialog: { showOpenDialog } as never,
    window: () => null,
    log: () => undefined,
    openSettings: (directory) => openSettingsFile(directory),
  });
  return { home, userData, showOpenDialog };
}

describe('the app archive home', () => {
  it('offers the system folder dialog and gives back the folder chosen, or nothing when cancelled', async () => {
    const { home, showOpenDialog } = setup({ chosen: ['/媒体/新档案'] });
    expect(await home.answer('chooseFolder', { title: '选择新位置' })).toEqual({ path: '/媒体/新档案' });
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: '选择新位置', properties: expect.arrayContaining(['openDirectory']) }),
    );
    expect(await setup({ canceled: true }).home.answer('chooseFolder', {})).toEqual({ path: null });
    expect(await home.answer('archiveLocation', {})).toMatchObject({ canChooseFolder: true });
  });

  it('keeps settings beside the default archive, in userData, as electron-store always did', async () => {
    const { home, userData } = setup();
    await home.answer('updateSettings', { followUpAuthor: '李主任' });
    expect(openSettingsFile(userData).get().followUpAuthor).toBe('李主任');
    expect(readArchivePointer(userData)).toBeNull();
  });
});
