import type { BrowserWindow, Dialog } from 'electron';
import { ArchiveHome } from '../common/archive-home';
import { writeArchivePointer } from '../common/archive-pointer';
import { defaultArchiveDir } from '../common/data-folder';
import type { Log } from './log';
import { settingsDirForArchive } from './paths';
import { createSettingsStore, type SettingsStore } from './settings-store';

export interface AppArchiveHomeDeps {
  archiveDir: string;
  userData: string;
  /** HUIHAN_DATA chose the folder: a move then holds until the app closes. */
  fromEnvironment: boolean;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  window: () => BrowserWindow | null;
  log: Log;
  /** electron-store in the app; a fake in tests. */
  openSettings?: (directory: string) => SettingsStore;
}

/**
 * The app's archive folder and settings: electron-store beside (or inside) the archive, the native
 * folder dialog, and the moved folder recorded in userData (archive-location.json) for the next start.
 */
export function appArchiveHome(deps: AppArchiveHomeDeps): ArchiveHome {
  const openSettings =
    deps.openSettings ?? ((directory: string) => createSettingsStore({ cwd: directory, log: deps.log }));
  return new ArchiveHome({
    dataDir: deps.archiveDir,
    openSettings: (dataDir) => openSettings(settingsDirForArchive(dataDir, deps.userData)),
    persistLocation: (dataDir) => {
      if (deps.fromEnvironment) {
        return '归档文件夹由环境变量 HUIHAN_DATA 指定：本次运行已改用新位置，下次启动仍按 HUIHAN_DATA。';
      }
      writeArchivePointer(deps.userData, dataDir === defaultArchiveDir(deps.userData) ? null : dataDir);
      return '下次启动时会直接打开新位置。';
    },
    nextStartNote: () =>
      deps.fromEnvironment
        ? '归档文件夹由环境变量 HUIHAN_DATA 指定。'
        : '程序每次启动都打开这个文件夹；命令行和网页界面默认也使用它。',
    chooseFolder: async (title) => {
      const options = {
        title,
        buttonLabel: '选择此文件夹',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as Array<
          'openDirectory' | 'createDirectory' | 'promptToCreate'
        >,
      };
      const window = deps.window();
      const chosen = window
        ? await deps.dialog.showOpenDialog(window, options)
        : await deps.dialog.showOpenDialog(options);
      return chosen.canceled || chosen.filePaths.length === 0 ? null : (chosen.filePaths[0] ?? null);
    },
    log: deps.log,
  });
}
