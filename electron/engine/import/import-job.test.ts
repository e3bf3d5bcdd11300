import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLetter } from '../../../bench/letter-generator';
import type { ImportLogEntry, ImportProgress, LetterDetail, LetterPage } from '../../../shared/domain';
import { Archive } from '../archive';
import { originalPath, sha256Of } from '../store/originals';
import { temporaryFolder } from '../test-support';
import { writeTextLetters } from './import-test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const folder = temporaryFolder();
  const progress: ImportProgress[] = [];
  const archive = Archive.open({
    dataDir: join(folder.path, 'archive'),
    emit: (message) => {
      if (message.event === 'import-progress') progress.push(message.payload as ImportProgress);
    },
  });
  cleanups.push(folder.remove, () => archive.close());
  return { archive, progress, root: folder.path, dataDir: join(folder.path, 'archive') };
}

async function importAndWait(archive: Archive, paths: string[]): Promise<ImportLogEntry> {
  await archive.handle('importPaths', { paths });
  await archive.imports.whenIdle();
  const [entry] = (await archive.handle('listImports', {})) as ImportLogEntry[];
  return entry!;
}

describe('importing letters', () => {
  it('imports a folder, reports every file with its reason, keeps originals byte for byte, and never imports twice', async () => {
    const { archive, progress, root, dataDir } = setup();
    const source = join(root, '来函 2024');
    const letters = writeTextLetters(source, 3);
    mkdirSync(join(source, '子文件夹'), { recursive: true });
    const gbkLetter = generateLetter(11, 100);
    writeFileSync(
      join(source, '子文件夹', 'gbk 回函.txt'),
      iconv.encode(gbkLetter.text.replace(/\n/gu, '\r\n'), 'gb18030'),
    );
    writeFileSync(join(source, '空白.txt'), '');
    writeFileSync(
      join(source, '损坏.docx'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    );
    writeFileSync(join(source, 'readme.txt'), 'Just some English notes, not a letter.');

    const first = await importAndWait(archive, [source]);
    expect(first).toMatchObject({ state: 'finished', imported: 4, duplicates: 0, failed: 3 });
    const reasons = Object.fromEntries(
      first.files.map((file) => [file.file.split(/[\\/]/u).pop(), file.reason]),
    );
    expect(reasons['空白.txt']).toMatch(/^文件为空/u);
    expect(reasons['损坏.docx']).toMatch(/损坏|Word/u);
    expect(reasons['readme.txt']).toContain('不像是一份答复函');

    const last = progress.at(-1)!;
    expect(last).toMatchObject({
      found: 7,
      done: 7,
      imported: 4,
      duplicates: 0,
      failed: 3,
      finished: true,
      cancelled: false,
    });
    expect(progress.some((p) => p.currentFile !== null && !p.finished)).toBe(true);

    const page = (await archive.handle('listLetters', { sort: 'session' })) as LetterPage;
    expect(page.total).toBe(4);
    const gbk = page.items.find((item) => item.fileName === 'gbk 回函.txt')!;
    const detail = (await archive.handle('getLetter', { id: gbk.id })) as LetterDetail;
    expect(detail.parsed).toMatchObject({
      proposal_number: gbkLetter.facts.proposalNumber,
      issuer: gbkLetter.facts.issuer,
      session: gbkLetter.facts.session,
      date: gbkLetter.facts.date,
    });
    expect(detail.text).toContain(gbkLetter.paragraphs[4]!);
    expect(detail.commitments.length).toBeGreaterThanOrEqual(2);
    expect(detail.commitments[0]).toMatchObject({
      status: '待落实',
      detected: true,
      confirmed: false,
      department: gbkLetter.facts.issuer,
    });
    const original = readFileSync(originalPath(dataDir, detail.sha256));
    expect(original.equals(readFileSync(join(source, '子文件夹', 'gbk 回函.txt')))).toBe(true);
    expect(sha256Of(original)).toBe(detail.sha256);
    expect(letters).toHaveLength(3);

    const second = await importAndWait(archive, [source]);
    expect(second).toMatchObject({ imported: 0, duplicates: 4, failed: 3 });
    expect(second.files.find((file) => file.outcome === 'duplicate')!.reason).toMatch(/内容完全相同/u);
    expect(((await archive.handle('listLetters', {})) as LetterPage).total).toBe(4);
  });

  it('can be cancelled: what is done stays whole, and importing again brings in only the rest', async () => {
    const { archive, progress, root, dataDir } = setup();
    const source = join(root, 'many');
    writeTextLetters(source, 120);
    const { jobId } = (await archive.handle('importPaths', { paths: [source] })) as { jobId: string };
    while (!progress.some((p) => p.done >= 10)) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await archive.handle('cancelImport', { jobId })).toEqual({ cancelled: true });
    await archive.imports.whenIdle();
    const last = progress.at(-1)!;
    expect(last.cancelled).toBe(true);
    expect(last.imported).toBeLessThan(120);
    const [log] = (await archive.handle('listImports', {})) as ImportLogEntry[];
    expect(log!.state).toBe('cancelled');

    const kept = ((await archive.handle('listLetters', { limit: 1000 })) as LetterPage).items;
    expect(kept).toHaveLength(last.imported);
    for (const item of kept) {
      const letter = (await archive.handle('getLetter', { id: item.id })) as LetterDetail;
      expect(letter.text.length).toBeGreaterThan(1000);
      expect(existsSync(originalPath(dataDir, letter.sha256))).toBe(true);
    }

    const again = await importAndWait(archive, [source]);
    expect(again).toMatchObject({ imported: 120 - kept.length, duplicates: kept.length, failed: 0 });
  });

  it('keeps user corrections apart from the parse, across a re-parse, and can revert them', async () => {
    const { archive, root } = setup();
    const source = join(root, 'one');
    const [letter] = writeTextLetters(source, 1);
    await importAndWait(archive, [source]);
    const [summary] = ((await archive.handle('listLetters', {})) as LetterPage).items;
    const id = summary!.id;

    const corrected = (await archive.handle('updateLetter', {
      id,
      corrections: { issuer: '  市政府办公室 ', proposers: ['张三', '李四'] },
    })) as LetterDetail;
    expect(corrected.corrections).toEqual({ issuer: '市政府办公室', proposers: ['张三', '李四'] });
    expect(corrected.parsed.issuer).toBe(letter!.facts.issuer);
    expect(corrected.issuer).toBe('市政府办公室');

    expect(await archive.handle('reparseAll', {})).toEqual({ reparsed: 1 });
    const after = (await archive.handle('getLetter', { id })) as LetterDetail;
    expect(after.corrections.issuer).toBe('市政府办公室');
    expect(after.parsed.issuer).toBe(letter!.facts.issuer);
    expect(after.commitments.length).toBe(corrected.commitments.length);

    await expect(
      archive.handle('updateLetter', { id, corrections: { proposers: '张三' } }),
    ).rejects.toMatchObject({
      code: 'invalid_arguments',
    });
    const reverted = (await archive.handle('updateLetter', { id, revert: ['issuer'] })) as LetterDetail;
    expect(reverted.corrections).toEqual({ proposers: ['张三', '李四'] });
    expect(reverted.issuer).toBe(letter!.facts.issuer);
  });

  it('deletes letters with their original, and says clearly when a letter does not exist', async () => {
    const { archive, root, dataDir } = setup();
    const source = join(root, 'two');
    writeTextLetters(source, 2);
    await importAndWait(archive, [source]);
    const [a] = ((await archive.handle('listLetters', {})) as LetterPage).items;
    const detail = (await archive.handle('getLetter', { id: a!.id })) as LetterDetail;
    expect(await archive.handle('deleteLetters', { ids: [a!.id, 9999] })).toEqual({ deleted: 1 });
    expect(existsSync(originalPath(dataDir, detail.sha256))).toBe(false);
    await expect(archive.handle('getLetter', { id: a!.id })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('找不到'),
    });
  });
});
