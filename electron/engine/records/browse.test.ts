import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowseNode, LetterPage } from '../../../shared/domain';
import { Archive } from '../archive';
import { temporaryFolder } from '../test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function letter(session: string, number: string, issuer: string, category: string): string {
  return [
    `类别:${category}`,
    `关于${session}第${number}号提案的答复`,
    '王明委员:',
    '您提出的《关于加快人才公寓建设的建议》收悉，现答复如下:',
    '我们已经建成人才公寓120套，正在推进配套建设。',
    '特此答复。',
    issuer,
    '2024年6月14日',
  ].join('\n');
}

describe('browsing', () => {
  it('groups letters by session then proposal number (018 ≡ 18, numbers in numeric order), by department and by category', async () => {
    const folder = temporaryFolder();
    const source = join(folder.path, 'in');
    mkdirSync(source, { recursive: true });
    const files: Array<[string, string]> = [
      ['a.txt', letter('市政协五届四次会议', '018', '市教育局', 'A')],
      ['b.txt', letter('市政协五届四次会议', '18', '市财政局', 'B')],
      ['c.txt', letter('市政协五届四次会议', '9', '市教育局', 'A')],
      ['d.txt', letter('市政协五届三次会议', '101', '市民政局', 'C')],
    ];
    for (const [name, text] of files) writeFileSync(join(source, name), text);
    const archive = Archive.open({ dataDir: join(folder.path, 'archive') });
    cleanups.push(folder.remove, () => archive.close());
    await archive.handle('importPaths', { paths: [source] });
    await archive.imports.whenIdle();

    const sessions = (await archive.handle('browse', { by: 'session' })) as BrowseNode[];
    expect(sessions.map((node) => [node.label, node.count])).toEqual([
      ['市政协五届三次会议', 1],
      ['市政协五届四次会议', 3],
    ]);
    const numbers = sessions[1]!.children!;
    expect(numbers.map((node) => [node.label, node.count])).toEqual([
      ['第9号', 1],
      ['第018号', 2],
    ]);
    const proposal = (await archive.handle('listLetters', { node: numbers[1]!.key })) as LetterPage;
    expect(proposal.items.map((item) => item.issuer).sort()).toEqual(['市教育局', '市财政局']);

    const departments = (await archive.handle('browse', { by: 'department' })) as BrowseNode[];
    expect(departments[0]).toMatchObject({ label: '市教育局', count: 2 });
    const categories = (await archive.handle('browse', { by: 'category' })) as BrowseNode[];
    expect(categories.map((node) => [node.label, node.count])).toEqual([
      ['A 类', 2],
      ['B 类', 1],
      ['C 类', 1],
    ]);
    const inA = (await archive.handle('listLetters', { node: categories[0]!.key })) as LetterPage;
    expect(inA.total).toBe(2);
    await expect(archive.handle('listLetters', { node: 'bogus:1' })).rejects.toMatchObject({
      code: 'invalid_arguments',
    });
  });
});
