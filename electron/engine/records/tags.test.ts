import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowseNode, LetterDetail, LetterPage, TagInfo } from '../../../shared/domain';
import { Archive } from '../archive';
import { writeTextLetters } from '../import/import-test-support';
import { temporaryFolder } from '../test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('tags', () => {
  it('tags and untags letters, keeps colours, and lists letters by tag', async () => {
    const folder = temporaryFolder();
    const archive = Archive.open({ dataDir: join(folder.path, 'archive') });
    cleanups.push(folder.remove, () => archive.close());
    writeTextLetters(join(folder.path, 'in'), 3);
    await archive.handle('importPaths', { paths: [join(folder.path, 'in')] });
    await archive.imports.whenIdle();
    const ids = ((await archive.handle('listLetters', {})) as LetterPage).items.map((item) => item.id);

    expect(await archive.handle('tagLetters', { ids: ids.slice(0, 2), tags: ['重点', ' 回头看 '] })).toEqual({
      changed: 4,
    });
    expect(await archive.handle('tagLetters', { ids: [ids[0]!], tags: ['重点'] })).toEqual({ changed: 0 });
    expect(await archive.handle('setTagColor', { tag: '重点', color: '#c0392b' })).toEqual({
      name: '重点',
      color: '#c0392b',
      count: 2,
    });
    expect((await archive.handle('listTags', {})) as TagInfo[]).toEqual([
      { name: '回头看', color: null, count: 2 },
      { name: '重点', color: '#c0392b', count: 2 },
    ]);
    expect(await archive.handle('untagLetters', { ids: [ids[1]!], tags: ['重点'] })).toEqual({ changed: 1 });
    const letter = (await archive.handle('getLetter', { id: ids[0]! })) as LetterDetail;
    expect(letter.tags).toEqual(['回头看', '重点']);

    const byTag = (await archive.handle('browse', { by: 'tag' })) as BrowseNode[];
    const important = byTag.find((node) => node.label === '重点')!;
    expect(important.count).toBe(1);
    const page = (await archive.handle('listLetters', { node: important.key })) as LetterPage;
    expect(page.items.map((item) => item.id)).toEqual([ids[0]]);
    await expect(archive.handle('tagLetters', { ids: [ids[0]!], tags: [' '] })).rejects.toMatchObject({
      code: 'invalid_arguments',
    });
  });
});
