import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { apiArgSchemas } from '../../shared/api-schemas';
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

/**
 * The settings on disk, read without creating anything (the CLI only reads them). A missing or
 * unreadable file gives the defaults; a key that fails its schema falls back to its default alone.
 */
export function readSettingsFile(directory: string): Settings {
  const file = join(directory, `${SETTINGS_FILE_NAME}.json`);
  if (!existsSync(file)) return DEFAULT_SETTINGS;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return DEFAULT_SETTINGS;
  }
  const valid: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const parsed = apiArgSchemas.updateSettings.safeParse({ [key]: raw[key] });
    if (raw[key] !== undefined && parsed.success) Object.assign(valid, parsed.data);
  }
  return mergeSettings(DEFAULT_SETTINGS, valid);
}
