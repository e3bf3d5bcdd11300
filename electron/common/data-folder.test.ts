import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir, defaultArchiveDir, resolveArchiveDir, settingsDirFor, userDataDir } from './data-folder';

describe('the archive folder', () => {
  const env = { XDG_CONFIG_HOME: '/home/mi/.config' };
  it('defaults to the desktop app userData/archive, so the CLI and the app share one archive', () => {
    expect(appDataDir(env, 'linux')).toBe('/home/mi/.config');
    expect(appDataDir({ APPDATA: 'C:\\Users\\mi\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\mi\\AppData\\Roaming',
    );
    expect(resolveArchiveDir(undefined, env)).toBe(join('/home/mi/.config', 'Huihan', 'archive'));
  });
  it('is overridden by HUIHAN_DATA, and --data wins over both', () => {
    expect(resolveArchiveDir(undefined, { ...env, HUIHAN_DATA: '/srv/a' })).toBe('/srv/a');
    expect(resolveArchiveDir('/srv/b', { ...env, HUIHAN_DATA: '/srv/a' })).toBe('/srv/b');
    expect(resolveArchiveDir('  ', { ...env, HUIHAN_DATA: '' })).toBe(
      defaultArchiveDir(userDataDir('/home/mi/.config')),
    );
  });
  it('keeps settings with the app for the default archive and inside any other archive', () => {
    expect(settingsDirFor(join('/home/mi/.config', 'Huihan', 'archive'), env)).toBe(
      join('/home/mi/.config', 'Huihan'),
    );
    expect(settingsDirFor('/srv/b', env)).toBe('/srv/b');
  });
});
