import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { archiveDirFor, builtPaths, engineEnv, settingsDirForArchive } from './paths';

vi.mock('electron', () => ({}));

const userData = join('/home/user/.config', 'Huihan');

describe('paths', () => {
  it('finds the renderer, preload and engine next to the main bundle', () => {
    expect(builtPaths(join('/app', 'out', 'main'))).toEqual({
      rendererRoot: join('/app', 'out', 'renderer'),
      preload: join('/app', 'out', 'preload', 'index.cjs'),
      engineWorker: join('/app', 'out', 'engine', 'worker.js'),
    });
  });

  it('uses HUIHAN_DATA when set, else userData/archive', () => {
    expect(archiveDirFor({ HUIHAN_DATA: '/tmp/test-archive' }, userData)).toBe('/tmp/test-archive');
    expect(archiveDirFor({ HUIHAN_DATA: '  ' }, userData)).toBe(join(userData, 'archive'));
    expect(archiveDirFor({}, userData)).toBe(join(userData, 'archive'));
  });

  it('keeps settings in userData for the default archive and in the archive folder otherwise', () => {
    expect(settingsDirForArchive(join(userData, 'archive'), userData)).toBe(userData);
    expect(settingsDirForArchive('/tmp/test-archive', userData)).toBe('/tmp/test-archive');
  });

  it('starts the engine on the archive folder, with the dictionaries of a packaged app', () => {
    const env = engineEnv({ PATH: '/usr/bin', HUIHAN_DATA: '/old' }, '/archive', null);
    expect(env).toEqual({ PATH: '/usr/bin', HUIHAN_DATA: '/archive' });
    expect(engineEnv({}, '/archive', '/opt/回函档案/resources').HUIHAN_DICT_DIR).toBe(
      join('/opt/回函档案/resources', 'dict'),
    );
  });
});
