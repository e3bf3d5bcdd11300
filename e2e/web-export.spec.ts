import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { generateLetter, type GeneratedLetter } from '../bench/letter-generator';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const hosts: RunningWebHost[] = [];
async function startHost(): Promise<RunningWebHost> {
  const host = await startWebHostProcess();
  hosts.push(host);
  return host;
}
test.afterEach(async () => {
  // Every host is stopped even when removing one's folder fails, so no host outlives the test.
  const stopped = await Promise.allSettled(hosts.splice(0).map((host) => host.stop()));
  for (const outcome of stopped) if (outcome.status === 'rejected') throw outcome.reason;
});

/** Writes generated letters as .txt files and imports them through the file input. */
async function importLetters(
  page: Page,
  seed: number,
  count: number,
  edit: (text: string, index: number) => string = (text) => text,
): Promise<GeneratedLetter[]> {
  const folder = join(tmpdir(), `huihan-e2e-export-${seed}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const letters = Array.from({ length: count }, (_, index) => generateLetter(seed, index));
  const files = letters.map((letter, index) => {
    const file = join(folder, `回函${index}.txt`);
    writeFileSync(file, edit(letter.text, index));
    return file;
  });
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);
  await expect(page.getByRole('region', { name: '导入' })).toContainText(`新导入 ${count}`);
  return letters;
}

/** Clicks the download link the dialog shows and gives the downloaded file's path and name. */
async function download(dialog: Locator, page: Page): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: /^下载 /u }).click(),
  ]);
  const path = await file.path();
  return { path, name: file.suggestedFilename() };
}

/** The names of the files inside a zip, read with yauzl. */
function zipEntryNames(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function letterOfRow(letters: GeneratedLetter[], rowText: string): GeneratedLetter {
  const found = letters.filter(
    (letter) =>
      rowText.includes(`第${letter.facts.proposalNumber}号`) && rowText.includes(letter.facts.session),
  );
  expect(found, rowText).toHaveLength(1);
  return found[0]!;
}

async function sheetRows(path: string, sheetIndex = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[sheetIndex]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

test('导出所选回函：Word 汇编和 Excel 汇总表，下载后读回内容；已有文件先问是否覆盖', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const host = await startHost();
  await page.goto(host.url);
  const letters = await importLetters(page, 61, 5);

  const rows = page.getByRole('listbox', { name: '回函' }).getByRole('option');
  await expect(rows).toHaveCount(5);
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Control'] });
  await rows.nth(3).click({ modifiers: ['Control'] });
  const chosen = [
    letterOfRow(letters, (await rows.nth(0).textContent()) ?? ''),
    letterOfRow(letters, (await rows.nth(2).textContent()) ?? ''),
    letterOfRow(letters, (await rows.nth(3).textContent()) ?? ''),
  ];
  const others = letters.filter((letter) => !chosen.includes(letter));
  const bar = page.getByRole('toolbar', { name: '所选回函的操作' });
  await expect(bar).toContainText('已选 3 封');
  await bar.getByRole('button', { name: '导出' }).click();

  const dialog = page.getByRole('dialog', { name: '导出回函' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('已选 3 封回函');
  await expect(dialog.getByRole('radio', { name: /Word 汇编/u })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Word 汇编/u })).toBeFocused();
  await dialog.getByRole('textbox', { name: '汇编标题' }).fill('2025年提案办理答复汇编');
  await expect(dialog.getByRole('textbox', { name: '文件名' })).toHaveValue('2025年提案办理答复汇编');
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '已导出 3 封回函' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('export-done.png') });
  const word = await download(dialog, page);
  expect(word.name).toBe('2025年提案办理答复汇编.docx');
  const text = (await mammoth.extractRawText({ path: word.path })).value;
  expect(text).toContain('2025年提案办理答复汇编');
  expect(text).toContain('共 3 件');
  expect(text).toContain('目　录');
  for (const letter of chosen) {
    expect(text).toContain(letter.facts.docNumber);
    expect(text).toContain(letter.facts.proposalTitle);
  }
  for (const letter of others) expect(text).not.toContain(letter.facts.docNumber);

  // The same selection as an Excel summary: one row per letter, in session and number order.
  await dialog.getByRole('button', { name: '再导出一份' }).click();
  await dialog.getByRole('radio', { name: /Excel 汇总表/u }).check();
  await expect(dialog.getByRole('textbox', { name: '汇编标题' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '已导出 3 封回函' })).toBeVisible();
  const excel = await download(dialog, page);
  expect(excel.name).toBe('提案办理情况汇总表.xlsx');
  const table = await sheetRows(excel.path);
  const header = table[0]!;
  expect(header).toEqual(
    expect.arrayContaining(['序号', '届次', '案号', '提案/建议标题', '承办单位', '文号']),
  );
  expect(table).toHaveLength(4);
  const numberColumn = header.indexOf('文号');
  expect(
    table
      .slice(1)
      .map((row) => row[numberColumn])
      .sort(),
  ).toEqual(chosen.map((letter) => letter.facts.docNumber).sort());
  expect(table.slice(1).map((row) => row[0])).toEqual(['1', '2', '3']);

  // Exporting to the same name again: the dialog asks first, and replaces the file only after 覆盖.
  await dialog.getByRole('button', { name: '再导出一份' }).click();
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const question = dialog.getByRole('group', { name: '确认覆盖' });
  await expect(question).toContainText('提案办理情况汇总表.xlsx');
  await expect(question).toContainText('确认覆盖？');
  await page.screenshot({ path: testInfo.outputPath('export-overwrite.png') });
  await question.getByRole('button', { name: '不覆盖' }).click();
  await expect(question).toHaveCount(0);
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await dialog
    .getByRole('group', { name: '确认覆盖' })
    .getByRole('button', { name: '覆盖', exact: true })
    .click();
  await expect(dialog.getByRole('status').filter({ hasText: '已导出 3 封回函' })).toBeVisible();

  // Originals into a folder: the web host cannot pick a folder on this computer, so it says where they went.
  await dialog.getByRole('button', { name: '再导出一份' }).click();
  await dialog.getByRole('radio', { name: /原件（复制到文件夹）/u }).check();
  await expect(dialog.getByRole('textbox', { name: '文件夹名' })).toHaveValue('回函原件');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const copied = dialog.getByRole('status').filter({ hasText: '已导出 3 封回函的原件' });
  await expect(copied).toBeVisible();
  const folder = join(host.dataDir, 'exports', '回函原件');
  await expect(copied).toContainText(folder);
  await expect(dialog.getByRole('link', { name: /^下载 /u })).toHaveCount(0);
  const names = readdirSync(folder).sort();
  expect(names).toHaveLength(3);
  for (const letter of chosen) {
    const name = names.find((item) => item.includes(letter.facts.issuer));
    expect(name, letter.facts.issuer).toBeDefined();
    expect(readFileSync(join(folder, name!), 'utf8')).toBe(letter.text);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(bar).toContainText('已选 3 封');
});

test('Ctrl+E 导出搜索的全部结果为 CSV（不选回函），Excel 能读的 UTF-8 带 BOM', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const host = await startHost();
  await page.goto(host.url);
  // The last letter does not thank the member, so the search below leaves it out.
  const letters = await importLetters(page, 62, 6, (text, index) =>
    index === 5 ? text.replaceAll('感谢您', '谢谢') : text,
  );

  // Nothing chosen and no search: the shortcut says what to do instead of exporting nothing.
  await page.getByRole('listbox', { name: '回函' }).focus();
  await page.keyboard.press('Control+e');
  await expect(page.getByText('没有可导出的回函')).toBeVisible();

  const query = '感谢您';
  await page.getByRole('searchbox', { name: '搜索回函' }).fill(query);
  const expected = letters.slice(0, 5);
  await expect(page.getByRole('listbox', { name: '回函' }).getByRole('option')).toHaveCount(expected.length);
  await expect(page.getByRole('toolbar', { name: '所选回函的操作' })).toHaveCount(0);
  await page.getByRole('listbox', { name: '回函' }).focus();
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: '导出回函' });
  await expect(dialog).toContainText(`搜索「${query}」的全部 ${expected.length} 封结果`);
  await dialog.getByRole('radio', { name: /CSV/u }).check();
  await dialog.getByRole('textbox', { name: '文件名' }).fill('搜索结果');
  await dialog.getByLabel('顺序').selectOption({ label: '按日期' });
  await page.screenshot({ path: testInfo.outputPath('export-search-dialog.png') });
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: `已导出 ${expected.length} 封回函` }),
  ).toBeVisible();
  const csv = await download(dialog, page);
  expect(csv.name).toBe('搜索结果.csv');
  const bytes = readFileSync(csv.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.subarray(3).toString('utf8')) as string[][];
  const header = records[0]!;
  expect(header).toContain('提案/建议标题');
  expect(records).toHaveLength(expected.length + 1);
  const dates = records.slice(1).map((row) => row[header.indexOf('答复日期')] ?? '');
  expect(dates).toEqual([...dates].sort());
  expect(
    records
      .slice(1)
      .map((row) => row[header.indexOf('文号')])
      .sort(),
  ).toEqual(expected.map((letter) => letter.facts.docNumber).sort());

  // The same search's originals in one .zip, named after their number and department.
  await dialog.getByRole('button', { name: '再导出一份' }).click();
  await dialog.getByRole('radio', { name: /原件（打包为 \.zip）/u }).check();
  await dialog.getByRole('textbox', { name: '文件名' }).fill('搜索结果原件');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: `已导出 ${expected.length} 封回函` }),
  ).toBeVisible();
  const zip = await download(dialog, page);
  expect(zip.name).toBe('搜索结果原件.zip');
  const entries = await zipEntryNames(zip.path);
  expect(entries).toHaveLength(expected.length);
  for (const letter of expected) {
    expect(entries.some((name) => name.includes(letter.facts.issuer) && name.endsWith('.txt'))).toBe(true);
  }
});

test('导出台账：筛选逾期后导出 .xlsx，列与回头看登记表一致', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const host = await startHost();
  await page.goto(host.url);
  await importLetters(page, 63, 3);

  await page.getByRole('button', { name: '承诺台账', exact: true }).click();
  const ledger = page.getByRole('region', { name: '承诺台账' });
  await ledger.getByRole('checkbox', { name: '只看逾期' }).check();
  // Filtered to overdue: every commitment listed is overdue (the summary's two counts agree).
  await expect(ledger.locator('.count')).toHaveText(/^共 (\d+) 项 · 已落实 \d+% · 逾期 \1 项$/u);
  const summary = (await ledger.locator('.count').textContent()) ?? '';
  const overdue = Number(/共 (\d+) 项/u.exec(summary)?.[1]);
  expect(overdue).toBeGreaterThan(0);
  await ledger.getByRole('button', { name: '导出台账' }).click();
  const dialog = page.getByRole('dialog', { name: '导出督办台账' });
  await expect(dialog).toContainText(`${overdue} 项承诺事项 · 筛选条件：逾期`);
  await dialog.getByRole('textbox', { name: '文件名' }).fill('逾期台账');
  await page.screenshot({ path: testInfo.outputPath('ledger-export-dialog.png') });
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `已导出 ${overdue} 项承诺事项` })).toBeVisible();
  const file = await download(dialog, page);
  expect(file.name).toBe('逾期台账.xlsx');
  const table = await sheetRows(file.path);
  expect(table[0]).toEqual([
    '案号',
    '届次',
    '提案/建议标题',
    '承办单位',
    '办复类别',
    '承诺内容',
    '承诺时限',
    '落实情况',
    '跟进记录',
  ]);
  expect(table).toHaveLength(overdue + 1);
  const today = new Date().toISOString().slice(0, 10);
  for (const row of table.slice(1)) {
    expect(row[6]! < today, row.join(' | ')).toBe(true);
    expect(row[7]).not.toBe('已落实');
    expect(row[5]!.length).toBeGreaterThan(4);
  }
});

test('备份档案后在另一个空档案中恢复：回函、搜索都回来了；有回函的档案不能恢复', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const first = await startHost();
  await page.goto(first.url);
  const letters = await importLetters(page, 64, 3);
  const navigation = page.getByRole('navigation', { name: '导航' });
  await navigation.getByRole('button', { name: '备份档案…' }).click();
  const backupDialog = page.getByRole('dialog', { name: '备份档案' });
  await backupDialog.getByRole('textbox', { name: '文件名' }).fill('我的备份');
  await backupDialog.getByRole('button', { name: '备份', exact: true }).click();
  await expect(backupDialog.getByRole('status').filter({ hasText: '备份完成' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('backup-done.png') });
  const backup = await download(backupDialog, page);
  expect(backup.name).toBe('我的备份.huihan');
  await backupDialog.getByRole('button', { name: '关闭', exact: true }).click();

  // This archive has letters: restoring over them is refused before anything is chosen.
  await navigation.getByRole('button', { name: '恢复备份…' }).click();
  const refusal = page.getByRole('dialog', { name: '恢复备份' });
  await expect(refusal).toContainText('当前档案已有 3 封回函，只能恢复到空的档案');
  await page.keyboard.press('Escape');
  await expect(refusal).toHaveCount(0);

  const second = await startHost();
  await page.goto(second.url);
  await expect(page.getByText('档案中还没有回函')).toBeVisible();
  await navigation.getByRole('button', { name: '恢复备份…' }).click();
  const restore = page.getByRole('dialog', { name: '恢复备份' });
  const copy = join(tmpdir(), `huihan-e2e-backup-${Date.now()}.huihan`);
  writeFileSync(copy, readFileSync(backup.path));
  await restore.getByLabel('选择备份文件').setInputFiles(copy);
  await restore.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(restore.getByRole('status').filter({ hasText: '已恢复 3 封回函' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('restore-done.png') });
  await restore.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText('回函 3 封');
  const target = letters[1]!;
  await page.getByRole('searchbox', { name: '搜索回函' }).fill(`届次:${target.facts.session}`);
  await expect(page.getByRole('listbox', { name: '回函' }).getByRole('option').first()).toContainText(
    target.facts.session,
  );
});
