import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const constructed = vi.hoisted(() => [] as Record<string, unknown>[]);

vi.mock('electron', () => ({}));
vi.mock('electron-store', () => ({
  default: class FakeStore {
    store: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      constructed.push(options);
      this.store = { ...(options.defaults as Record<string, unknown>) };
    }
    set(values: Record<string, unknown>): void {
      this.store = { ...this.store, ...values };
    }
  },
}));

const { createSettingsStore, readSettings, settingsStoreOver } = await import('./settings-store');

describe('settings store', () => {
  it('creates electron-store’s settings.json with the defaults, in the folder given', () => {
    const settings = createSettingsStore({ cwd: '/data/Huihan' });
    expect(constructed.at(-1)).toEqual({ name: 'settings', defaults: DEFAULT_SETTINGS, cwd: '/data/Huihan' });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves the folder to electron-store (userData) when none is given', () => {
    createSettingsStore();
    expect(constructed.at(-1)).not.toHaveProperty('cwd');
  });

  it('merges an update into what is stored and keeps it', () => {
    const settings = createSettingsStore();
    settings.update({ customDictionary: ['回头看'] });
    const next = settings.update({ recentFolders: ['/home/user/回函'] });
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      customDictionary: ['回头看'],
      recentFolders: ['/home/user/回函'],
    });
    expect(settings.get()).toEqual(next);
  });

  it('writes the whole merged object to the store', () => {
    const raw = { store: { ...DEFAULT_SETTINGS } as Record<string, unknown>, set: vi.fn() };
    settingsStoreOver(raw).update({ topicRules: [{ topic: '人才', keywords: ['人才', '英才'] }] });
    expect(raw.set).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      topicRules: [{ topic: '人才', keywords: ['人才', '英才'] }],
    });
  });

  it('falls back to the default for a key that was damaged on disk, keeping the others', () => {
    const log = vi.fn();
    const read = readSettings({ customDictionary: 'not a list', recentFolders: ['/a'], stray: 1 }, log);
    expect(read).toEqual({ ...DEFAULT_SETTINGS, recentFolders: ['/a'] });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('customDictionary'));
  });
});
