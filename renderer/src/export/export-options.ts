import type { ExportFormat } from '../../../shared/domain';

export const FORMAT_CHOICES: ReadonlyArray<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'docx', label: 'Word 汇编（.docx）', hint: '封面、目录，每封回函的标题、要素和正文' },
  { format: 'xlsx', label: 'Excel 汇总表（.xlsx）', hint: '每封回函一行，另附承诺事项表' },
  { format: 'csv', label: 'CSV 表格（.csv）', hint: '与汇总表相同的列，可用 Excel 或 WPS 打开' },
  { format: 'json', label: 'JSON 数据（.json）', hint: '全部字段、更正、标签、承诺和正文' },
  { format: 'originals', label: '原件（复制到文件夹）', hint: '原始文件，以提案号、单位和文号命名' },
  { format: 'zip', label: '原件（打包为 .zip）', hint: '原始文件打包成一个压缩包' },
];

export type ExportOrder = 'session' | 'date' | 'selection';

export function orderChoices(bySelection: boolean): ReadonlyArray<{ order: ExportOrder; label: string }> {
  return [
    { order: 'session', label: '按届次和提案号' },
    { order: 'date', label: '按日期' },
    { order: 'selection', label: bySelection ? '按选择顺序' : '按搜索结果顺序' },
  ];
}

export const DEFAULT_TITLE = '提案办理答复汇编';

/** The name a format's file is first offered under (the Word title for a compilation). */
export function suggestedFileName(format: ExportFormat, title: string): string {
  switch (format) {
    case 'docx':
      return title.trim() || DEFAULT_TITLE;
    case 'xlsx':
      return '提案办理情况汇总表';
    case 'csv':
      return '回函汇总';
    case 'json':
      return '回函数据';
    case 'originals':
    case 'zip':
      return '回函原件';
  }
}
