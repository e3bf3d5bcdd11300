import Store from 'electron-store';
import { apiArgSchemas } from '../../shared/api-schemas';
import type { Settings } from '../../shared/domain';
import { DEFAULT_SETTINGS, mergeSettings } from '../../shared/settings';
import type { Log } from './log';

/** The settings the host answers itself (getSettings / updateSettings). */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export const SETTINGS_STORE_NAME = 'settings';

/** What the store needs from electron-store (a fake in tests). */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

/**
 * Reads what is on disk key by key: a key that does not match its schema (hand-edited or written by
 * an older version) falls back to its default instead of throwing every other setting away.
 */
export function readSettings(raw: Record<string, unknown>, log?: Log): Settings {
  const valid: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (raw[key] === undefined) continue;
    const parsed = apiArgSchemas.updateSettings.safeParse({ [key]: raw[key] });
    if (parsed.success) Object.assign(valid, parsed.data);
    else log?.(`settings: stored "${key}" is invalid; using the default`);
  }
  return mergeSettings(DEFAULT_SETTINGS, valid);
}

export function settingsStoreOver(store: KeyValueStore, log?: Log): SettingsStore {
  return {
    get: () => readSettings(store.store, log),
    update(patch) {
      const next = mergeSettings(readSettings(store.store, log), patch);
      store.set({ ...next });
      return next;
    },
  };
}

/**
 * The app's settings file: electron-store's settings.json in `cwd` (electron-store's default is the
 * app's userData folder, which is where the web host and the CLI look for the default archive too).
 */
export function createSettingsStore(options: { cwd?: string; log?: Log } = {}): SettingsStore {
  const store = new Store<Settings>({
    name: SETTINGS_STORE_NAME,
    defaults: DEFAULT_SETTINGS,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return settingsStoreOver(store as unknown as KeyValueStore, options.log);
}
