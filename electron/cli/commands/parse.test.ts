import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDocx } from '../../engine/ingest/test-fixtures';
import { temporaryFolder } from '../../engine/test-support';
import { runCli } from '../run-cli';

const LETTER = [
  '关于县政协十届三次会议第018号提案的答复',
  '签发人:张永祥',
  '王明委员:',
  '您提出的《关于加快人才公寓建设的建议》收悉，现答复如下:',
  '一、办理情况',
  '我局已建成人才公寓120套。',
  '二、下一步工作',
  '一是年底前再建成人才公寓80套;',
  '二是力争1年内完善配套服务。',
  '特此答复。',
  '县住房和城乡建设局',
  '2024年6月14日',
  '联系人:李华 联系电话:0871-6123456',
].join('\n');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function parse(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['parse', ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  });
  return { code, out, err };
}

describe('huihan parse', () => {
  it('prints one JSON object per file, in order, and an error line for a file it cannot read', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    const utf8 = join(folder.path, '答复 一.txt');
    const gbk = join(folder.path, 'gbk.txt');
    const empty = join(folder.path, 'empty.txt');
    writeFileSync(utf8, `\uFEFF${LETTER}`);
    writeFileSync(gbk, iconv.encode(LETTER.replace(/\n/gu, '\r\n'), 'gb18030'));
    writeFileSync(empty, '');
    const missing = join(folder.path, 'missing.txt');

    const result = await parse([utf8, missing, gbk, empty, '--json']);
    expect(result.code).toBe(1);
    const lines = result.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.file)).toEqual([utf8, missing, gbk, empty]);
    const [first, second, third, fourth] = lines;
    expect(first).toMatchObject({
      title: '关于县政协十届三次会议第018号提案的答复',
      session: '县政协十届三次会议',
      proposal_number: '018',
      proposers: ['王明'],
      proposal_title: '关于加快人才公寓建设的建议',
      issuer: '县住房和城乡建设局',
      date: '2024-06-14',
      contact: '李华',
      phone: '0871-6123456',
      commitments: ['一是年底前再建成人才公寓80套;', '二是力争1年内完善配套服务。'],
      commitment_due_dates: ['2024-12-31', '2025-06-14'],
    });
    expect(Array.isArray(first!.sections)).toBe(true);
    expect(second).toEqual({ file: missing, error: '文件不存在' });
    expect(third).toMatchObject({ proposal_number: '018', date: '2024-06-14', issuer: '县住房和城乡建设局' });
    expect(fourth).toMatchObject({ file: empty, error: expect.stringMatching(/^文件为空/u) });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    const file = join(folder.path, 'a.txt');
    writeFileSync(file, LETTER);
    const result = await parse([file]);
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    expect(text).toContain('提案号：018');
    expect(text).toContain('承诺事项（2 项）');
    expect(text).toContain('〔时限 2024-12-31〕');
  });

  it('reads Word files too, says why a broken one cannot be read, and asks for files when given none', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    const docx = join(folder.path, '答复.docx');
    writeFileSync(docx, await makeDocx(LETTER.split('\n')));
    const broken = join(folder.path, 'broken.docx');
    writeFileSync(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]));
    const result = await parse([docx, broken, '--json']);
    expect(JSON.parse(result.out[0]!)).toMatchObject({
      file: docx,
      proposal_number: '018',
      date: '2024-06-14',
    });
    expect(JSON.parse(result.out[1]!)).toMatchObject({
      file: broken,
      error: expect.stringMatching(/损坏|Word/u),
    });
    expect((await parse([])).code).toBe(2);
  });
});
