import ExcelJS from 'exceljs';
import type { ExportLetter } from './export-letters';
import { writeAtomically } from './safe-output';
import { SUMMARY_COLUMNS, summaryRow } from './summary-columns';

export const SUMMARY_SHEET = '办理情况汇总表';
export const COMMITMENTS_SHEET = '承诺事项';
export const COMMITMENT_HEADERS = ['案号', '承办单位', '承诺内容', '承诺时限', '落实情况'] as const;

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function fittedWidth(values: Array<string | number>): number {
  const widest = Math.max(0, ...values.flatMap((value) => String(value).split('\n').map(displayWidth)));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: Array<Array<string | number>>,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, index) => ({
    header,
    width: fittedWidth([header, ...rows.map((row) => row[index] ?? '')]),
  }));
  sheet.addRows(rows);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
}

export function buildSummaryWorkbook(letters: ExportLetter[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huihan';
  addTable(
    workbook,
    SUMMARY_SHEET,
    SUMMARY_COLUMNS.map((column) => column.header),
    letters.map((letter, index) => summaryRow(letter, index)),
  );
  const commitments = letters.flatMap((letter) =>
    letter.commitments.map((item) => [
      letter.effective.proposal_number ?? '',
      item.department ?? letter.effective.issuer ?? '',
      item.text,
      item.dueDate ?? '',
      item.status,
    ]),
  );
  addTable(workbook, COMMITMENTS_SHEET, COMMITMENT_HEADERS, commitments);
  return workbook;
}

/** Writes the Excel summary (办理情况汇总表 + 承诺事项) to `target` atomically. */
export async function writeSummaryXlsx(
  letters: ExportLetter[],
  target: string,
  options: { overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  const workbook = buildSummaryWorkbook(letters);
  await writeAtomically(
    target,
    async (temporary) => {
      await workbook.xlsx.writeFile(temporary);
    },
    options,
  );
}
