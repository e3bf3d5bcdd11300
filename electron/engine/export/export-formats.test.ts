import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterDetail } from '../../../shared/domain';
import { effectiveFields } from '../records/effective-fields';
import { originalPath } from '../store/originals';
import { detailOf, exportFixture, type ExportFixture } from './export-test-support';
import type { ExportArgs } from './export-runner';
import { SUMMARY_HEADERS } from './summary-columns';
import type { LettersJson } from './write-json';
import { COMMITMENT_HEADERS, COMMITMENTS_SHEET, SUMMARY_SHEET } from './write-xlsx';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.remove();
});

async function setup(count = 4): Promise<ExportFixture> {
  const fixture = await exportFixture(count);
  fixtures.push(fixture);
  return fixture;
}

async function exportAndWait(
  fixture: ExportFixture,
  args: Partial<ExportArgs> & Pick<ExportArgs, 'format' | 'destination'>,
) {
  await fixture.runner.start({
    selection: { ids: fixture.ids },
    order: 'session',
    overwrite: false,
    ...args,
  });
  await fixture.runner.whenIdle();
  const last = fixture.progress.at(-1);
  expect(last).toMatchObject({ finished: true, cancelled: false, error: null, total: fixture.ids.length });
  return last?.outputPath ?? '';
}

async function detailsInSessionOrder(fixture: ExportFixture): Promise<LetterDetail[]> {
  const ordered = fixture.archive.db
    .prepare(
      'SELECT id FROM letters ORDER BY session_key IS NULL, session_key, proposal_key IS NULL, proposal_key, letter_date IS NULL, letter_date, id',
    )
    .pluck()
    .all() as number[];
  return Promise.all(ordered.map((id) => detailOf(fixture.archive, id)));
}

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe('Word compilation', () => {
  it('has a cover, a table of contents, and each letter with its title, metadata and paragraphs, in session order', async () => {
    const fixture = await setup();
    const output = await exportAndWait(fixture, {
      format: 'docx',
      destination: join(fixture.out, '提案办理答复汇编'),
      title: '2025年提案办理答复汇编',
    });
    expect(output).toBe(join(fixture.out, '提案办理答复汇编.docx'));
    const text = (await mammoth.extractRawText({ path: output })).value;
    const html = (await mammoth.convertToHtml({ path: output })).value;
    expect(text).toContain('2025年提案办理答复汇编');
    expect(text).toContain('2025年6月30日');
    expect(text).toContain(`共 ${fixture.ids.length} 件`);
    expect(text).toContain('目　录');

    const letters = await detailsInSessionOrder(fixture);
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/gu)].map((match) =>
      (match[1] ?? '').replace(/<[^>]+>/gu, ''),
    );
    expect(headings).toEqual(letters.map((letter) => letter.title ?? letter.fileName));
    // The table of contents lists every title before the first letter begins.
    const contents = text.slice(text.indexOf('目　录'), text.indexOf('届次：'));
    for (const letter of letters) expect(contents).toContain(letter.title ?? letter.fileName);
    let position = text.indexOf('目　录');
    for (const letter of letters) {
      const effective = effectiveFields(letter.parsed, letter.corrections);
      const at = text.indexOf(`届次：${effective.session ?? ''}`, position);
      expect(at).toBeGreaterThan(position);
      position = at;
      const block = text.slice(at, at + 400);
      expect(block).toContain(`提案号：${effective.proposal_number ?? ''}`);
      expect(block).toContain(`承办单位：${effective.issuer ?? ''}`);
      expect(block).toContain(`文号：${effective.doc_number ?? ''}`);
      // Every paragraph of the letter is a paragraph of the compilation.
      for (const paragraph of letter.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(0, 8)) {
        expect(text).toContain(paragraph.trim());
      }
    }
    // The correction wins over the parsed issuer.
    expect(text).toContain('承办单位：中共达州市委组织部');
    // Chinese text is set in a Chinese font, and the table of contents updates when opened.
    const parts = await readZip(output);
    expect(parts.get('word/styles.xml')?.toString('utf8')).toContain('w:eastAsia="宋体"');
    expect(parts.get('word/settings.xml')?.toString('utf8')).toContain('updateFields');
    expect(parts.get('word/document.xml')?.toString('utf8')).toMatch(/<w:instrText[^>]*>TOC /u);
  });
});

describe('Excel summary', () => {
  it('has the 汇总表 with header, one row per letter, frozen header and filters, and a commitments sheet', async () => {
    const fixture = await setup();
    const output = await exportAndWait(fixture, {
      format: 'xlsx',
      destination: join(fixture.out, '汇总表.xlsx'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet(SUMMARY_SHEET);
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_HEADERS]);
    expect(sheet.rowCount).toBe(fixture.ids.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const letters = await detailsInSessionOrder(fixture);
    letters.forEach((letter, index) => {
      const effective = effectiveFields(letter.parsed, letter.corrections);
      const row = sheet.getRow(index + 2);
      expect(row.getCell(1).value).toBe(index + 1);
      expect(row.getCell(2).value).toBe(effective.session ?? '');
      expect(row.getCell(3).value).toBe(effective.proposal_number ?? '');
      expect(row.getCell(7).value).toBe(effective.issuer ?? '');
      expect(row.getCell(13).value).toBe(letter.tags.join('、'));
      expect(row.getCell(14).value).toBe(letter.commitments.length);
    });
    for (let column = 1; column <= SUMMARY_HEADERS.length; column += 1) {
      expect(sheet.getColumn(column).width ?? 0).toBeGreaterThanOrEqual(6);
    }

    const commitments = workbook.getWorksheet(COMMITMENTS_SHEET);
    expect(commitments).toBeDefined();
    if (!commitments) return;
    expect((commitments.getRow(1).values as unknown[]).slice(1)).toEqual([...COMMITMENT_HEADERS]);
    const expected = letters.flatMap((letter) => letter.commitments.map((item) => item.text));
    expect(expected.length).toBeGreaterThan(0);
    const texts: unknown[] = [];
    commitments.eachRow((row, number) => {
      if (number > 1) texts.push(row.getCell(3).value);
    });
    expect(texts).toEqual(expected);
  });
});

describe('CSV and JSON', () => {
  it('writes CSV in UTF-8 with a BOM and CRLF, Chinese intact, quoted as RFC 4180 says', async () => {
    const fixture = await setup();
    const first = fixture.ids[0] ?? 0;
    await fixture.archive.handle('updateLetter', {
      id: first,
      corrections: { proposal_title: '关于"人才公寓",建设的\n建议' },
    });
    const output = await exportAndWait(fixture, {
      format: 'csv',
      destination: join(fixture.out, '汇总表.csv'),
    });
    const bytes = readFileSync(output);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = parseCsv(bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...SUMMARY_HEADERS]);
    expect(rows).toHaveLength(fixture.ids.length + 1);
    const titles = rows.slice(1).map((row) => row[4]);
    expect(titles).toContain('关于"人才公寓",建设的\n建议');
    expect(rows.slice(1).map((row) => row[6])).toContain('中共达州市委组织部');
  });

  it('writes JSON with parsed, corrections, effective fields, tags, commitments with follow-ups, and text', async () => {
    const fixture = await setup();
    const output = await exportAndWait(fixture, {
      format: 'json',
      destination: join(fixture.out, '回函.json'),
      order: 'selection',
    });
    const data = JSON.parse(readFileSync(output, 'utf8')) as LettersJson;
    expect(data.format).toBe('huihan-letters');
    expect(data.count).toBe(fixture.ids.length);
    expect(data.letters.map((letter) => letter.id)).toEqual(fixture.ids);
    const first = data.letters[0];
    const detail = await detailOf(fixture.archive, fixture.ids[0] ?? 0);
    expect(first?.text).toBe(detail.text);
    expect(first?.parsed).toEqual(detail.parsed);
    expect(first?.corrections).toEqual({ issuer: '中共达州市委组织部' });
    expect(first?.effective.issuer).toBe('中共达州市委组织部');
    expect(first?.tags).toEqual(['人才', '重点']);
    expect(first?.commitments).toEqual(detail.commitments);
    expect(
      first?.commitments.some((item) => item.followUps.some((f) => f.note === '已电话督办，正在推进')),
    ).toBe(true);
  });
});

describe('originals', () => {
  it('copies originals into the folder under readable, unique names, byte for byte', async () => {
    const fixture = await setup();
    const folder = join(fixture.out, '原件');
    const output = await exportAndWait(fixture, { format: 'originals', destination: folder });
    expect(output).toBe(folder);
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(fixture.ids.length);
    expect(names.some((name) => name.includes('中共达州市委组织部') && name.endsWith('.txt'))).toBe(true);
    for (const id of fixture.ids) {
      const letter = await detailOf(fixture.archive, id);
      const bytes = readFileSync(originalPath(fixture.dataDir, letter.sha256));
      expect(names.some((name) => readFileSync(join(folder, name)).equals(bytes))).toBe(true);
    }
    expect(names.every((name) => !name.startsWith('.'))).toBe(true);
  });

  it('packs originals into one zip with readable names and the same bytes', async () => {
    const fixture = await setup();
    const output = await exportAndWait(fixture, {
      format: 'zip',
      destination: join(fixture.out, '原件.zip'),
    });
    const entries = await readZip(output);
    expect(entries.size).toBe(fixture.ids.length);
    const first = await detailOf(fixture.archive, fixture.ids[0] ?? 0);
    const effective = effectiveFields(first.parsed, first.corrections);
    const expectedName = `${effective.proposal_number}_中共达州市委组织部_${effective.doc_number}.txt`;
    expect(entries.get(expectedName)?.equals(readFileSync(originalPath(fixture.dataDir, first.sha256)))).toBe(
      true,
    );
    expect(readdirSync(fixture.out)).toEqual(['原件.zip']);
  });
});

describe('selection by search query', () => {
  it('exports every result of a query', async () => {
    const fixture = await setup();
    const first = await detailOf(fixture.archive, fixture.ids[0] ?? 0);
    const number = effectiveFields(first.parsed, first.corrections).proposal_number ?? '';
    await fixture.runner.start({
      selection: { query: `号:${number}` },
      format: 'json',
      destination: join(fixture.out, 'q.json'),
      order: 'session',
      overwrite: false,
    });
    await fixture.runner.whenIdle();
    const data = JSON.parse(readFileSync(join(fixture.out, 'q.json'), 'utf8')) as LettersJson;
    expect(data.letters.map((letter) => letter.id)).toContain(first.id);
  });

  it('refuses a query with no results', async () => {
    const fixture = await setup();
    await expect(
      fixture.runner.start({
        selection: { query: '号:99999999' },
        format: 'json',
        destination: join(fixture.out, 'none.json'),
        order: 'session',
        overwrite: false,
      }),
    ).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect(existsSync(join(fixture.out, 'none.json'))).toBe(false);
  });
});
