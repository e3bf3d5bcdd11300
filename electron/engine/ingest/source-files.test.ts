import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { describeFsError, findSourceFiles } from './source-files';
import { SAMPLE_LETTER, makeDocx, makeText, makeZip, makeZipBomb, makeZipBombArchive } from './test-fixtures';
import { IngestError } from './types';
import type { SourceFile, SourceProblem } from './types';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'huihan 导入 '));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect(paths: string[], signal?: AbortSignal): Promise<(SourceFile | SourceProblem)[]> {
  const out: (SourceFile | SourceProblem)[] = [];
  for await (const item of findSourceFiles(paths, signal ? { signal } : undefined)) out.push(item);
  return out;
}

const isFile = (x: SourceFile | SourceProblem): x is SourceFile => 'read' in x;

async function dir(...parts: string[]): Promise<string> {
  const path = join(root, ...parts);
  await mkdir(path, { recursive: true });
  return path;
}

async function readFailure(file: SourceFile): Promise<IngestError> {
  const err = await file.read().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('findSourceFiles: folders', () => {
  it('walks a folder with Chinese names and spaces recursively, in a stable human order', async () => {
    const base = await dir('回函 2024', '第一批 材料');
    await mkdir(join(base, '子 文件夹'), { recursive: true });
    await writeFile(join(base, '答复 第10号.txt'), makeText(SAMPLE_LETTER, 'gbk'));
    await writeFile(join(base, '答复 第2号.docx'), await makeDocx(SAMPLE_LETTER));
    await writeFile(join(base, '子 文件夹', '答复 第1号.TXT'), makeText(['答复'], 'utf-8'));
    // Skipped: hidden and system files, Word lock files, unsupported extensions.
    await writeFile(join(base, '.DS_Store'), 'x');
    await writeFile(join(base, 'Thumbs.db'), 'x');
    await writeFile(join(base, '~$答复 第2号.docx'), 'x');
    await writeFile(join(base, '照片.jpg'), 'x');
    await mkdir(join(base, '.git'));
    await writeFile(join(base, '.git', 'a.txt'), 'x');

    const found = await collect([join(root, '回函 2024')]);
    expect(found.every(isFile)).toBe(true);
    expect(found.map((f) => f.displayPath)).toEqual([
      join(base, '答复 第2号.docx'),
      join(base, '答复 第10号.txt'),
      join(base, '子 文件夹', '答复 第1号.TXT'),
    ]);
    const docx = found[0] as SourceFile;
    expect(docx.name).toBe('答复 第2号.docx');
    expect(docx.diskPath).toBe(join(base, '答复 第2号.docx'));
    const text = await extractText(docx.name, await docx.read());
    expect(text.text).toContain('关于对市政协五届四次会议第018号提案的答复');
    const gbk = found[1] as SourceFile;
    expect((await extractText(gbk.name, await gbk.read())).encoding).toBe('gb18030');
  });

  it('tries an explicitly chosen file whatever its extension, but skips such files in folders', async () => {
    const base = await dir('explicit');
    const odd = join(base, '答复函.dat');
    await writeFile(odd, await makeDocx(SAMPLE_LETTER));
    expect(await collect([base])).toEqual([]);
    const found = await collect([odd]);
    expect(found).toHaveLength(1);
    const file = found[0] as SourceFile;
    expect((await extractText(file.name, await file.read())).format).toBe('docx');
  });

  it('reports a missing path in Chinese and goes on with the rest', async () => {
    const base = await dir('missing');
    await writeFile(join(base, 'a.txt'), '答复');
    const found = await collect([join(root, '不存在的 文件夹'), base]);
    expect(found[0]).toEqual({
      displayPath: join(root, '不存在的 文件夹'),
      reason: expect.stringContaining('路径不存在'),
    });
    expect(found.slice(1).map((f) => f.displayPath)).toEqual([join(base, 'a.txt')]);
  });

  it('maps permission errors to 没有读取权限', () => {
    expect(describeFsError(Object.assign(new Error('denied'), { code: 'EACCES' }))).toMatch(/没有读取权限/);
    expect(describeFsError(Object.assign(new Error('denied'), { code: 'EPERM' }))).toMatch(/没有读取权限/);
    expect(describeFsError(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toMatch(/路径不存在/);
    expect(describeFsError(new Error('?'))).toMatch(/无法读取/);
  });

  it('reports an unreadable file and folder (chmod 000)', async (ctx) => {
    if (process.getuid?.() === 0) {
      ctx.skip(
        true,
        'running as root: root reads chmod 000 files anyway; the EACCES mapping is tested above',
      );
    }
    const base = await dir('locked');
    const file = join(base, '答复.txt');
    await writeFile(file, '答复');
    const sub = await dir('locked', '子目录');
    await writeFile(join(sub, 'b.txt'), '答复');
    await chmod(file, 0o000);
    await chmod(sub, 0o000);
    try {
      const found = await collect([base]);
      const problem = found.find((f) => !isFile(f) && f.displayPath === sub) as SourceProblem;
      expect(problem.reason).toMatch(/没有读取权限/);
      const locked = found.find((f) => isFile(f) && f.diskPath === file) as SourceFile;
      const err = await readFailure(locked);
      expect(err.failure).toBe('unreadable');
      expect(err.reason).toMatch(/没有读取权限/);
    } finally {
      await chmod(file, 0o644);
      await chmod(sub, 0o755);
    }
  });

  it('does not follow a symlink loop', async () => {
    const base = await dir('loop');
    await writeFile(join(base, 'a.txt'), '答复');
    await symlink(base, join(base, '自己'), 'dir');
    const found = await collect([base]);
    expect(found.map((f) => f.displayPath)).toEqual([join(base, 'a.txt')]);
  });

  it('refuses a file over 100 MB when it is read, without reading it', async () => {
    const base = await dir('huge');
    const path = join(base, '巨大.pdf');
    await writeFile(path, '%PDF-1.7\n');
    await truncate(path, 101 * 1024 * 1024); // sparse: no disk used
    const [file] = (await collect([base])) as SourceFile[];
    expect(file!.size).toBe(101 * 1024 * 1024);
    expect((await readFailure(file!)).failure).toBe('too_large');
  });

  it('walks 2,000 files in one folder completely, in order, quickly', async () => {
    const base = await dir('两千');
    await Promise.all(
      Array.from({ length: 2000 }, (_, i) => writeFile(join(base, `答复${i + 1}.txt`), `第${i + 1}号`)),
    );
    const started = performance.now();
    const found = await collect([base]);
    const ms = performance.now() - started;
    console.info(`walked 2,000 files in ${ms.toFixed(0)} ms`);
    expect(found).toHaveLength(2000);
    expect(found.map((f) => f.displayPath)).toEqual(
      Array.from({ length: 2000 }, (_, i) => join(base, `答复${i + 1}.txt`)),
    );
    expect(ms).toBeLessThan(3000);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const item of findSourceFiles([join(root, '两千')], { signal: controller.signal })) {
      seen.push(item.displayPath);
      if (seen.length === 10) controller.abort();
    }
    expect(seen).toHaveLength(10);
  });
});

describe('findSourceFiles: zip archives', () => {
  it('yields the letters inside a .zip with readable names (GBK and UTF-8) and reads them lazily', async () => {
    const base = await dir('zips');
    const docx = await makeDocx(SAMPLE_LETTER);
    const zipPath = join(base, '2024 回函.zip');
    await writeFile(
      zipPath,
      await makeZip([
        { name: '第二批/答复 第2号.docx', data: docx, gbkName: true },
        { name: '第一批/答复 第1号.txt', data: makeText(SAMPLE_LETTER, 'utf-8') },
        { name: '__MACOSX/._x.txt', data: 'x' },
        { name: '第一批/', data: '' },
        { name: '说明.xlsx', data: 'x' },
      ]),
    );
    const found = await collect([base]);
    expect(found.map((f) => f.displayPath)).toEqual([
      `${zipPath} › 第二批/答复 第2号.docx`,
      `${zipPath} › 第一批/答复 第1号.txt`,
    ]);
    const [first, second] = found as SourceFile[];
    expect(first!.name).toBe('答复 第2号.docx');
    expect(first!.diskPath).toBe(zipPath);
    expect(first!.size).toBe(docx.length);
    // Read after the walk has finished, out of order.
    expect((await extractText(second!.name, await second!.read())).text).toContain('乐芳均委员');
    expect(await first!.read()).toEqual(docx);
  });

  it('opens a zip inside a zip one level deep and says so for deeper ones', async () => {
    const base = await dir('nested');
    const inner2 = await makeZip([{ name: 'c.txt', data: '答复三' }]);
    const inner = await makeZip([
      { name: 'b.txt', data: '答复二' },
      { name: '更深.zip', data: inner2 },
    ]);
    const outer = join(base, 'outer.zip');
    await writeFile(
      outer,
      await makeZip([
        { name: 'a.txt', data: '答复一' },
        { name: '内层.zip', data: inner },
      ]),
    );
    const found = await collect([outer]);
    expect(found.map((f) => f.displayPath)).toEqual([
      `${outer} › a.txt`,
      `${outer} › 内层.zip › b.txt`,
      `${outer} › 内层.zip › 更深.zip`,
    ]);
    expect((await (found[1] as SourceFile).read()).toString('utf8')).toBe('答复二');
    expect((found[2] as SourceProblem).reason).toMatch(/只展开一层/);
  });

  it('refuses a zip bomb entry (declared or lying sizes) and goes on with the others', async () => {
    const base = await dir('bomb');
    const declared = join(base, 'a 炸弹.zip');
    await writeFile(declared, await makeZipBomb({ others: [{ name: '正常.txt', data: '答复' }] }));
    const lying = join(base, 'b 炸弹.zip');
    await writeFile(lying, await makeZipBomb({ lieAboutSize: true, size: 150 * 1024 * 1024 }));
    const found = (await collect([base])) as SourceFile[];
    expect(found.map((f) => f.displayPath)).toEqual([
      `${declared} › 答复函.txt`,
      `${declared} › 正常.txt`,
      `${lying} › 答复函.txt`,
    ]);
    const bomb = await readFailure(found[0]!);
    expect(bomb.failure).toBe('zip_bomb');
    expect(bomb.reason).toMatch(/压缩炸弹/);
    expect((await found[1]!.read()).toString()).toBe('答复');
    const started = Date.now();
    expect((await readFailure(found[2]!)).failure).toBe('zip_bomb');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops reading an archive whose entries add up to over 1 GB', async () => {
    const base = await dir('huge-zip');
    // Eleven 99 MB entries: each alone is allowed, together they pass 1 GB.
    const path = join(base, '大.zip');
    await writeFile(path, makeZipBombArchive(11, 99 * 1024 * 1024));
    const found = await collect([path]);
    const problem = found.find((f) => !isFile(f)) as SourceProblem;
    expect(problem.reason).toMatch(/1 GB/);
    expect(found.filter(isFile).length).toBeLessThan(11);
  });

  it('reports a damaged zip as a problem and goes on', async () => {
    const base = await dir('broken-zip');
    await writeFile(join(base, '坏.zip'), Buffer.from('PK\x03\x04 这不是压缩包'));
    await writeFile(join(base, '好.txt'), '答复');
    const found = await collect([base]);
    expect(found.map((f) => f.displayPath)).toEqual([join(base, '好.txt'), join(base, '坏.zip')]);
    expect((found[1] as SourceProblem).reason).toMatch(/压缩包已损坏/);
  });
});
