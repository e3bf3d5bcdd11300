import type { ExportLetter } from './export-letters';
import { writeBytesAtomically } from './safe-output';
import { SUMMARY_HEADERS, summaryRow } from './summary-columns';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The summary table as CSV: UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends. */
export function summaryCsv(letters: ExportLetter[]): string {
  const lines = [SUMMARY_HEADERS, ...letters.map((letter, index) => summaryRow(letter, index))].map((row) =>
    row.map(csvField).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function writeSummaryCsv(
  letters: ExportLetter[],
  target: string,
  options: { overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  await writeBytesAtomically(target, summaryCsv(letters), options);
}
