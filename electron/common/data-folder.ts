import { homedir } from 'node:os';
import { join } from 'node:path';
import { readArchivePointer } from './archive-pointer';

/** The folder name under the OS's application-data folder; the desktop app sets userData to it too. */
export const APP_FOLDER_NAME = 'Huihan';
export const SETTINGS_FILE_NAME = 'settings';

/**
 * The OS's per-user application-data folder, as Electron's app.getPath('appData') gives it:
 * %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** The desktop app's userData folder: settings live here. */
export function userDataDir(appData: string = appDataDir()): string {
  return join(appData, APP_FOLDER_NAME);
}

/** The archive folder inside userData: database, originals, index. */
export function defaultArchiveDir(userData: string = userDataDir()): string {
  return join(userData, 'archive');
}

/**
 * The archive folder in force: `--data DIR` first, then HUIHAN_DATA, then the desktop app's own (where
 * the user moved it, else userData/archive), so the CLI, the web host and the app see the same archive
 * unless told otherwise.
 */
export function resolveArchiveDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag && flag.trim() !== '') return flag;
  const fromEnv = env.HUIHAN_DATA;
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  const userData = userDataDir(appDataDir(env));
  return readArchivePointer(userData) ?? defaultArchiveDir(userData);
}

/**
 * Where settings are kept for a given archive: the app's userData for the default archive (the same
 * file electron-store writes), and inside the archive folder itself for any other archive.
 */
export function settingsDirFor(archiveDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const userData = userDataDir(appDataDir(env));
  return archiveDir === defaultArchiveDir(userData) ? userData : archiveDir;
}
