import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../shared/domain';
import { temporaryFolder } from '../test-support';
import { LEDGER_HEADERS, writeLedgerXlsx } from './ledger-xlsx';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function folder(): string {
  const made = temporaryFolder('huihan-ledger');
  cleanups.push(made.remove);
  mkdirSync(made.path, { recursive: true });
  return made.path;
}

const item = (id: number, overrides: Partial<Commitment> = {}): Commitment => ({
  id,
  letterId: 1,
  text: '年底前完成60个家庭医生项目建设任务。',
  start: 10,
  end: 30,
  dueDate: '2025-12-31',
  department: '青山市卫生健康委员会',
  status: '推进中',
  detected: true,
  confirmed: true,
  followUps: [
    { id: 1, date: '2025-03-01', author: '李秘书', note: '已开工' },
    { id: 2, date: '2025-06-01', author: '王科长', note: '完成过半' },
  ],
  letter: {
    title: '关于市政协四届二次会议第20250393号提案的答复',
    session: '市政协四届二次会议',
    proposalNumber: '20250393',
    proposalTitle: '关于加强基层医疗服务的提案',
    category: 'A',
    issuer: '青山市科学技术局',
  },
  ...overrides,
});

async function readBack(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet('督办台账')!;
}

describe('the ledger as xlsx', () => {
  it('writes the 回头看 columns, a frozen header, autofilter, wrapped text and fitted widths', async () => {
    const file = join(folder(), '督办台账 2025.xlsx');
    const result = await writeLedgerXlsx(
      [item(1), item(2, { dueDate: null, status: '待落实', followUps: [], department: null })],
      file,
    );
    expect(result).toEqual({ path: file, rows: 2 });
    const sheet = await readBack(file);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...LEDGER_HEADERS]);
    expect(LEDGER_HEADERS).toEqual([
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
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '20250393',
      '市政协四届二次会议',
      '关于加强基层医疗服务的提案',
      '青山市卫生健康委员会',
      'A',
      '年底前完成60个家庭医生项目建设任务。',
      '2025-12-31',
      '推进中',
      '2025-03-01 李秘书：已开工\n2025-06-01 王科长：完成过半',
    ]);
    // No department of its own: the issuer takes the job; no due date or log: empty cells.
    expect(sheet.getCell('D3').value).toBe('青山市科学技术局');
    expect(sheet.getCell('H3').value).toBe('待落实');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('I2').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(6).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(sheet.getColumn(6).width).toBeLessThanOrEqual(60);
  });

  it('refuses to overwrite unless asked, writes nothing beside the file, and wants .xlsx in an existing folder', async () => {
    const dir = folder();
    const file = join(dir, '台账.xlsx');
    writeFileSync(file, 'old');
    await expect(writeLedgerXlsx([item(1)], file)).rejects.toThrow('文件已存在');
    await writeLedgerXlsx([item(1)], file, { overwrite: true });
    expect((await readBack(file)).getCell('A2').value).toBe('20250393');
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
    await expect(writeLedgerXlsx([item(1)], join(dir, '台账.csv'))).rejects.toThrow('.xlsx');
    await expect(writeLedgerXlsx([item(1)], join(dir, '没有的文件夹', 'a.xlsx'))).rejects.toThrow('找不到');
    expect(existsSync(join(dir, '没有的文件夹'))).toBe(false);
  });

  it('writes an empty ledger with just the header', async () => {
    const file = join(folder(), '空.xlsx');
    expect(await writeLedgerXlsx([], file)).toMatchObject({ rows: 0 });
    expect((await readBack(file)).rowCount).toBe(1);
  });
});
