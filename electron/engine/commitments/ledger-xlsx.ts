import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api-error';
import type { Commitment } from '../../../shared/domain';

/** The columns of a 回头看 登记表, each with how a commitment fills it. */
const COLUMNS: ReadonlyArray<{ header: string; value: (item: Commitment) => string }> = [
  { header: '案号', value: (item) => item.letter?.proposalNumber ?? '' },
  { header: '届次', value: (item) => item.letter?.session ?? '' },
  { header: '提案/建议标题', value: (item) => item.letter?.proposalTitle ?? item.letter?.title ?? '' },
  { header: '承办单位', value: (item) => item.department ?? item.letter?.issuer ?? '' },
  { header: '办复类别', value: (item) => item.letter?.category ?? '' },
  { header: '承诺内容', value: (item) => item.text },
  { header: '承诺时限', value: (item) => item.dueDate ?? '' },
  { header: '落实情况', value: (item) => item.status },
  {
    header: '跟进记录',
    value: (item) => item.followUps.map((f) => `${f.date} ${f.author}：${f.note}`).join('\n'),
  },
];

export const LEDGER_SHEET = '督办台账';
export const LEDGER_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

function fittedWidth(values: string[]): number {
  const widest = Math.max(0, ...values.flatMap((value) => value.split('\n').map(displayWidth)));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

function buildWorkbook(items: Commitment[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huihan';
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = items.map((item) => COLUMNS.map((column) => column.value(item)));
  sheet.columns = COLUMNS.map((column, index) => ({
    header: column.header,
    width: fittedWidth([column.header, ...table.map((row) => row[index] ?? '')]),
  }));
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: items.length + 1, column: COLUMNS.length } };
  return workbook;
}

/** Checks the destination: an .xlsx file in an existing folder, not overwritten unless asked. */
function checkDestination(target: string, overwrite: boolean): void {
  if (!/\.xlsx$/iu.test(target)) throw new ApiError('invalid_arguments', '台账应导出为 .xlsx 文件。');
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiError('not_found', `找不到要保存到的文件夹：${folder}`);
  }
  if (existsSync(target)) {
    if (!overwrite)
      throw new ApiError('already_exists', `文件已存在：${basename(target)}。如需替换，请确认覆盖。`);
    if (statSync(target).isDirectory())
      throw new ApiError('invalid_arguments', `同名的文件夹已存在：${basename(target)}`);
  }
}

/**
 * Writes the ledger to `file` as xlsx (sheet 督办台账): to a temporary file beside it first, then
 * renamed into place, so a failed export never leaves half a file and nothing is written elsewhere.
 */
export async function writeLedgerXlsx(
  items: Commitment[],
  file: string,
  options: { overwrite?: boolean } = {},
): Promise<{ path: string; rows: number }> {
  const target = resolve(file);
  checkDestination(target, options.overwrite ?? false);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await buildWorkbook(items).xlsx.writeFile(temporary);
    checkDestination(target, options.overwrite ?? false);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof ApiError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('internal', `无法保存台账文件：${detail}`);
  }
  return { path: target, rows: items.length };
}
