import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLetter } from '../../../bench/letter-generator';
import type { ImportLogEntry, LetterDetail, LetterPage } from '../../../shared/domain';
import { Archive } from '../archive';
import {
  makeDocx,
  makeDocxBomb,
  makePdf,
  makeScannedPdf,
  makeZip,
  makeZipBomb,
} from '../ingest/test-fixtures';
import { temporaryFolder } from '../test-support';
import { writeTextLetters } from './import-test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const folder = temporaryFolder();
  const archive = Archive.open({ dataDir: join(folder.path, 'archive') });
  cleanups.push(folder.remove, () => archive.close());
  return { archive, root: folder.path };
}

async function importAndWait(archive: Archive, paths: string[]): Promise<ImportLogEntry> {
  await archive.handle('importPaths', { paths });
  await archive.imports.whenIdle();
  return ((await archive.handle('listImports', {})) as ImportLogEntry[])[0]!;
}

function reasonOf(entry: ImportLogEntry, fileEnd: string): string | null {
  const report = entry.files.find((file) => file.file.endsWith(fileEnd));
  if (!report) throw new Error(`no report for ${fileEnd}: ${entry.files.map((f) => f.file).join(', ')}`);
  return report.reason;
}

describe('bad input never stops a batch', () => {
  it('refuses zip bombs, scanned PDFs and broken files with a clear reason, and imports the rest of the folder', async () => {
    const { archive, root } = setup();
    const source = join(root, '混合 文件夹');
    mkdirSync(source, { recursive: true });
    const good = [0, 1, 2].map((index) => generateLetter(5, index));
    writeFileSync(join(source, '好的 答复.docx'), await makeDocx(good[0]!.paragraphs));
    writeFileSync(join(source, '扩展名不对.pdf'), await makeDocx(good[1]!.paragraphs));
    writeFileSync(join(source, '正常.pdf'), await makePdf(good[2]!.paragraphs));
    writeFileSync(join(source, '炸弹.docx'), await makeDocxBomb());
    writeFileSync(join(source, '炸弹.zip'), await makeZipBomb());
    writeFileSync(join(source, '扫描件.pdf'), await makeScannedPdf());
    writeFileSync(
      join(source, '打包.zip'),
      await makeZip([{ name: '压缩包里/答复.txt', data: generateLetter(5, 3).text }]),
    );

    const entry = await importAndWait(archive, [source, join(root, '不存在的文件夹')]);
    expect(entry.state).toBe('finished');
    expect(entry.imported).toBe(4);
    expect(reasonOf(entry, '炸弹.docx')).toMatch(/压缩炸弹/u);
    expect(
      entry.files
        .filter((file) => file.file.includes('炸弹.zip'))
        .every((file) => /压缩炸弹|过大/u.test(file.reason ?? '')),
    ).toBe(true);
    expect(reasonOf(entry, '扫描件.pdf')).toMatch(/^扫描件（无文字层）/u);
    expect(reasonOf(entry, '不存在的文件夹')).toMatch(/不存在/u);

    const page = (await archive.handle('listLetters', {})) as LetterPage;
    const byName = new Map(page.items.map((item) => [item.fileName, item]));
    const misnamed = (await archive.handle('getLetter', {
      id: byName.get('扩展名不对.pdf')!.id,
    })) as LetterDetail;
    expect(misnamed.parsed.proposal_number).toBe(good[1]!.facts.proposalNumber);
    const pdf = (await archive.handle('getLetter', { id: byName.get('正常.pdf')!.id })) as LetterDetail;
    expect(pdf.parsed).toMatchObject({ issuer: good[2]!.facts.issuer, date: good[2]!.facts.date });
    expect(byName.has('答复.txt')).toBe(true);
  }, 60_000);

  it('reads a 50 MB PDF with a text layer as one letter', async () => {
    const { archive, root } = setup();
    const letter = generateLetter(9, 1);
    const file = join(root, '大文件.pdf');
    mkdirSync(root, { recursive: true });
    const bytes = await makePdf(letter.paragraphs, { padBytes: 50 * 1024 * 1024 });
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    writeFileSync(file, bytes);
    const entry = await importAndWait(archive, [file]);
    expect(entry).toMatchObject({ imported: 1, failed: 0 });
    const [summary] = ((await archive.handle('listLetters', {})) as LetterPage).items;
    expect(summary!.proposalNumber).toBe(letter.facts.proposalNumber);
  }, 60_000);

  it('imports 2,000 files from one folder, each reported', async () => {
    const { archive, root } = setup();
    const source = join(root, '两千封');
    writeTextLetters(source, 2000, 31);
    const entry = await importAndWait(archive, [source]);
    expect(entry).toMatchObject({ state: 'finished', imported: 2000, duplicates: 0, failed: 0 });
    expect(entry.files).toHaveLength(2000);
    expect(((await archive.handle('status', {})) as { letterCount: number }).letterCount).toBe(2000);
  }, 120_000);
});
