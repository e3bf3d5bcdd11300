import type { ExportDestinationKind } from './domain';

/** The extension each kind of export is written with; originals go into a folder (no extension). */
export const EXPORT_EXTENSIONS: Record<ExportDestinationKind, string> = {
  docx: '.docx',
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
  originals: '',
  zip: '.zip',
  ledger: '.xlsx',
  backup: '.huihan',
};

/** What the system's save dialog lists as the file type, in Chinese. */
export const EXPORT_FILTER_NAMES: Record<ExportDestinationKind, string> = {
  docx: 'Word 文档',
  xlsx: 'Excel 工作簿',
  csv: 'CSV 表格',
  json: 'JSON 数据',
  originals: '文件夹',
  zip: 'ZIP 压缩包',
  ledger: 'Excel 工作簿',
  backup: '回函档案备份',
};

/** `name` with the kind's extension, added when missing (case-insensitive). */
export function withExportExtension(name: string, kind: ExportDestinationKind): string {
  const extension = EXPORT_EXTENSIONS[kind];
  if (extension === '' || name.toLowerCase().endsWith(extension)) return name;
  return `${name}${extension}`;
}
