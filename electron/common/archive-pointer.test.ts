import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../engine/test-support';
import { ARCHIVE_POINTER_FILE, readArchivePointer, writeArchivePointer } from './archive-pointer';
import { resolveArchiveDir } from './data-folder';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('the record of a moved archive', () => {
  it('sends the app, the web host and the CLI to the moved folder unless --data or HUIHAN_DATA say otherwise', () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const env = { XDG_CONFIG_HOME: folder.path };
    const userData = join(folder.path, 'Huihan');
    expect(resolveArchiveDir(undefined, env)).toBe(join(userData, 'archive'));
    writeArchivePointer(userData, '/媒体/回函档案');
    expect(readArchivePointer(userData)).toBe('/媒体/回函档案');
    expect(resolveArchiveDir(undefined, env)).toBe('/媒体/回函档案');
    expect(resolveArchiveDir(undefined, { ...env, HUIHAN_DATA: '/srv/a' })).toBe('/srv/a');
    expect(resolveArchiveDir('/srv/b', env)).toBe('/srv/b');
    writeArchivePointer(userData, null);
    expect(resolveArchiveDir(undefined, env)).toBe(join(userData, 'archive'));
  });

  it('ignores a damaged or relative record and opens the default archive', () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    writeFileSync(join(folder.path, ARCHIVE_POINTER_FILE), '{ 半截');
    expect(readArchivePointer(folder.path)).toBeNull();
    writeFileSync(join(folder.path, ARCHIVE_POINTER_FILE), JSON.stringify({ archiveDir: '相对/路径' }));
    expect(readArchivePointer(folder.path)).toBeNull();
  });
});
