import { ArchiveHome } from '../common/archive-home';
import { writeArchivePointer } from '../common/archive-pointer';
import { appDataDir, defaultArchiveDir, settingsDirFor, userDataDir } from '../common/data-folder';
import { openSettingsFile } from '../common/settings-file';

/**
 * The web host's archive folder and settings. Started with --data (or HUIHAN_DATA), a move holds for
 * this run only and the next start follows --data again, as the settings screen says; started on the
 * shared archive (the app's), a move is recorded for the app, the web host and the CLI alike.
 */
export function webArchiveHome(options: {
  dataDir: string;
  /** The folder was given by --data or HUIHAN_DATA. */
  explicit: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): ArchiveHome {
  const env = options.env ?? process.env;
  const userData = userDataDir(appDataDir(env));
  return new ArchiveHome({
    dataDir: options.dataDir,
    openSettings: (dataDir) => openSettingsFile(settingsDirFor(dataDir, env)),
    persistLocation: (dataDir) => {
      if (options.explicit) {
        return `网页界面本次运行已改用新位置；下次启动时归档文件夹仍由 --data（或 HUIHAN_DATA）决定，请用 --data "${dataDir}" 启动。`;
      }
      writeArchivePointer(userData, dataDir === defaultArchiveDir(userData) ? null : dataDir);
      return '下次启动时，桌面程序、网页界面和命令行都会打开新位置。';
    },
    nextStartNote: () =>
      options.explicit
        ? '网页界面的归档文件夹由启动时的 --data 参数（或环境变量 HUIHAN_DATA）决定；在这里移动只对本次运行有效。'
        : '桌面程序、网页界面和命令行共用这个归档文件夹；移动后都会打开新位置。',
    log: options.log,
  });
}
