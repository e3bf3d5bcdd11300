import type { ExportLetter } from './export-letters';

/** One column of the 办理情况汇总表 (Excel and CSV), with how a letter fills it. */
export interface SummaryColumn {
  header: string;
  value: (letter: ExportLetter, index: number) => string | number;
}

const list = (values: string[]): string => values.join('、');

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { header: '序号', value: (_letter, index) => index + 1 },
  { header: '届次', value: (letter) => letter.effective.session ?? '' },
  { header: '案号', value: (letter) => letter.effective.proposal_number ?? '' },
  { header: '类型', value: (letter) => letter.effective.kind ?? '' },
  {
    header: '提案/建议标题',
    value: (letter) => letter.effective.proposal_title ?? letter.effective.title ?? '',
  },
  { header: '提案人', value: (letter) => list(letter.effective.proposers) },
  { header: '承办单位', value: (letter) => letter.effective.issuer ?? '' },
  { header: '办理角色', value: (letter) => letter.effective.handling_role ?? '' },
  { header: '文号', value: (letter) => letter.effective.doc_number ?? '' },
  { header: '办复类别', value: (letter) => letter.effective.category ?? '' },
  { header: '答复日期', value: (letter) => letter.effective.date ?? '' },
  { header: '主题', value: (letter) => letter.topic ?? '' },
  { header: '标签', value: (letter) => list(letter.tags) },
  { header: '承诺数', value: (letter) => letter.commitments.length },
];

export const SUMMARY_HEADERS: readonly string[] = SUMMARY_COLUMNS.map((column) => column.header);

export function summaryRow(letter: ExportLetter, index: number): Array<string | number> {
  return SUMMARY_COLUMNS.map((column) => column.value(letter, index));
}
