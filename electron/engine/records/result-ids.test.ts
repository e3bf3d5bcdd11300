import { afterEach, describe, expect, it } from 'vitest';
import { generateLetter } from '../../../bench/letter-generator';
import type { LetterPage, OriginalFileInfo, SearchResult } from '../../../shared/domain';
import { Archive } from '../archive';
import { insertTexts } from '../search/search-test-support';
import { temporaryFolder } from '../test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function archiveOf(count: number): Promise<Archive> {
  const folder = temporaryFolder();
  const archive = Archive.open({ dataDir: folder.path, searchWords: false });
  cleanups.push(folder.remove, () => archive.close());
  const ids = insertTexts(
    archive.db,
    Array.from({ length: count }, (_, index) => generateLetter(21, index).text),
  );
  archive.search.indexLetters(ids);
  await archive.search.whenIdle();
  return archive;
}

describe('every id of a list (Ctrl+A over rows not loaded)', () => {
  it('gives all the ids of a search in the order of its pages, beyond the page limit', async () => {
    const archive = await archiveOf(60);
    const query = '类别:A OR 类别:B OR 类别:C';
    const { ids } = (await archive.handle('resultIds', { query, sort: 'number' })) as { ids: number[] };
    const first = (await archive.handle('search', { query, sort: 'number', limit: 25 })) as SearchResult;
    const second = (await archive.handle('search', {
      query,
      sort: 'number',
      offset: 25,
      limit: 25,
    })) as SearchResult;
    expect(ids).toHaveLength(first.total);
    expect(ids.slice(0, 50)).toEqual([...first.hits, ...second.hits].map((hit) => hit.id));
  });

  it('gives all the ids of a browse list in its order, and of all letters without a node', async () => {
    const archive = await archiveOf(30);
    const page = (await archive.handle('listLetters', { sort: 'date', limit: 30 })) as LetterPage;
    const { ids } = (await archive.handle('resultIds', { sort: 'date' })) as { ids: number[] };
    expect(ids).toEqual(page.items.map((item) => item.id));
    const category = page.items[0]?.category ?? '';
    const { ids: inNode } = (await archive.handle('resultIds', { node: `category:${category}` })) as {
      ids: number[];
    };
    expect(inNode.length).toBe(page.items.filter((item) => item.category === category).length);
  });

  it('narrows by 类型: (the kind facet) like the other filters', async () => {
    const archive = await archiveOf(40);
    const all = (await archive.handle('search', { query: '类别:A OR 类别:B OR 类别:C' })) as SearchResult;
    for (const kind of all.facets.kind) {
      const result = (await archive.handle('search', { query: `类型:${kind.value}` })) as SearchResult;
      expect(result.total).toBe(kind.count);
    }
    expect(all.facets.kind.length).toBeGreaterThan(0);
  });
});

describe('a letter’s original', () => {
  it('says where the archive keeps it and under which name it came', async () => {
    const archive = await archiveOf(1);
    const [id] = archive.db.prepare('SELECT id FROM letters').pluck().all() as number[];
    const info = (await archive.handle('originalFile', { id })) as OriginalFileInfo;
    expect(info.fileName).toBe('0.txt');
    expect(info.path).toMatch(
      new RegExp(`originals[\\\\/]${info.sha256.slice(0, 2)}[\\\\/]${info.sha256}$`, 'u'),
    );
    await expect(archive.handle('originalFile', { id: 999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
