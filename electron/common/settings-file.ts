import Conf from 'conf';
import type { Settings } from '../../shared/domain';
import { DEFAULT_SETTINGS, mergeSettings } from '../../shared/settings';
import { SETTINGS_FILE_NAME } from './data-folder';

/** The host's settings, whatever keeps them: electron-store in the app, conf under the web host and CLI. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** Settings through `conf`, the library electron-store is built on: same file name, same keys. */
export function openSettingsFile(directory: string): SettingsStore {
  const conf = new Conf<Settings>({
    cwd: directory,
    configName: SETTINGS_FILE_NAME,
    projectName: 'huihan',
    defaults: DEFAULT_SETTINGS,
  });
  const get = (): Settings => mergeSettings(DEFAULT_SETTINGS, conf.store);
  return {
    get,
    update: (patch) => {
      const next = mergeSettings(get(), patch);
      conf.set(next);
      return next;
    },
  };
}
