import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowseNode, LetterDetail, LetterPage, SearchResult } from '../../../shared/domain';
import { Archive } from '../archive';
import { temporaryFolder } from '../test-support';
import { letterAbout } from './topic-test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function importedArchive(files: Array<[string, string]>): Promise<Archive & { dataDir: string }> {
  const folder = temporaryFolder('huihan-topics-api');
  const source = join(folder.path, 'in');
  mkdirSync(source, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(source, name), text);
  const archive = Archive.open({ dataDir: join(folder.path, 'archive'), searchWords: false });
  cleanups.push(folder.remove, () => archive.close());
  await archive.handle('importPaths', { paths: [source] });
  await archive.imports.whenIdle();
  return Object.assign(archive, { dataDir: join(folder.path, 'archive') });
}

const counts = (nodes: BrowseNode[]) => nodes.map((node) => [node.label, node.count]);

describe('topics through the archive API', () => {
  it('browses by topic with counts, reassigns a letter, and filters search by 主题:', async () => {
    const archive = await importedArchive([
      [
        'roads-1.txt',
        letterAbout('关于加快农村公路提档升级的提案', ['今年完成道路硬化85公里。'], '某县交通运输局', '001'),
      ],
      [
        'roads-2.txt',
        letterAbout('关于修复大河口大桥的建议', ['危桥改造列入计划。'], '某县交通运输局', '002'),
      ],
      [
        'school.txt',
        letterAbout('关于改善农村学校办学条件的提案', ['今年改造校舍12所。'], '某县教育局', '003'),
      ],
      ['odd.txt', letterAbout('关于某事项的提案', ['您的意见我们已转有关方面研究。'], '某县办公室', '004')],
    ]);
    const byTopic = (await archive.handle('browse', { by: 'topic' })) as BrowseNode[];
    expect(counts(byTopic)).toEqual([
      ['交通', 2],
      ['教育', 1],
      ['其他', 1],
    ]);
    const roads = (await archive.handle('listLetters', { node: byTopic[0]!.key })) as LetterPage;
    const bridge = roads.items.find((item) => item.proposalNumber === '002')!;

    const moved = (await archive.handle('setLetterTopic', {
      id: bridge.id,
      topic: '城乡建设',
    })) as LetterDetail;
    expect(moved).toMatchObject({ topic: '城乡建设', topicAuto: '交通', topicAssigned: true });
    expect(counts((await archive.handle('browse', { by: 'topic' })) as BrowseNode[])).toEqual([
      ['交通', 1],
      ['城乡建设', 1],
      ['教育', 1],
      ['其他', 1],
    ]);
    const inBuilding = (await archive.handle('search', { query: '主题:城乡建设' })) as SearchResult;
    expect(inBuilding.hits.map((hit) => hit.id)).toEqual([bridge.id]);
    expect(inBuilding.facets.topic).toEqual([{ value: '城乡建设', count: 1 }]);

    await archive.handle('reparseAll', {});
    expect(((await archive.handle('getLetter', { id: bridge.id })) as LetterDetail).topic).toBe('城乡建设');

    const back = (await archive.handle('setLetterTopic', { id: bridge.id, topic: null })) as LetterDetail;
    expect(back).toMatchObject({ topic: '交通', topicAssigned: false });
    const inRoads = (await archive.handle('search', { query: '主题:交通' })) as SearchResult;
    expect(inRoads.total).toBe(2);

    expect(await archive.handle('listTopics', {})).toEqual(expect.arrayContaining(['人才', '交通', '其他']));
    await expect(archive.handle('setLetterTopic', { id: 9999, topic: '交通' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('filters the ledger by topic and by detected vs confirmed', async () => {
    const archive = await importedArchive([
      [
        'roads.txt',
        letterAbout('关于加快农村公路提档升级的提案', ['今年完成道路硬化85公里。'], '某县交通运输局', '001'),
      ],
      [
        'school.txt',
        letterAbout('关于改善农村学校办学条件的提案', ['今年改造校舍12所。'], '某县教育局', '003'),
      ],
    ]);
    type Ledger = {
      total: number;
      items: Array<{ id: number; letterId: number; letter?: { proposalNumber: string | null } }>;
    };
    const all = (await archive.handle('listCommitments', {})) as Ledger;
    expect(all.total).toBe(2);
    const roads = (await archive.handle('listCommitments', { topic: '交通' })) as Ledger;
    expect(roads.items.map((item) => item.letter?.proposalNumber)).toEqual(['001']);

    await archive.handle('updateCommitment', { id: roads.items[0]!.id, confirmed: true });
    const detected = (await archive.handle('listCommitments', { detected: true })) as Ledger;
    expect(detected.items.map((item) => item.letter?.proposalNumber)).toEqual(['003']);
    const confirmed = (await archive.handle('listCommitments', { detected: false })) as Ledger;
    expect(confirmed.items.map((item) => item.letter?.proposalNumber)).toEqual(['001']);
  });

  it('classifies, in the background after opening, an archive whose letters were never classified', async () => {
    const first = await importedArchive([
      [
        'roads-1.txt',
        letterAbout('关于加快农村公路提档升级的提案', ['今年完成道路硬化85公里。'], '某县交通运输局', '001'),
      ],
      [
        'roads-2.txt',
        letterAbout('关于修复大河口大桥的建议', ['危桥改造列入计划。'], '某县交通运输局', '002'),
      ],
    ]);
    const dataDir = first.dataDir;
    first.close();
    // As an archive from before topics: no topic anywhere.
    const raw = new BetterSqlite3(join(dataDir, 'huihan.sqlite'));
    raw.exec('UPDATE letters SET topic = NULL; DELETE FROM letter_topics;');
    raw.close();

    const archive = Archive.open({ dataDir, searchWords: false });
    cleanups.push(() => archive.close());
    await vi.waitFor(async () => {
      const nodes = (await archive.handle('browse', { by: 'topic' })) as BrowseNode[];
      expect(counts(nodes)).toEqual([['交通', 2]]);
    });
    const found = (await archive.handle('search', { query: '主题:交通' })) as SearchResult;
    expect(found.total).toBe(2);
  });
});
