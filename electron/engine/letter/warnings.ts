import type { ParsedLetter } from './types';

/** Plain Chinese notes for the user about fields that could not be read. */
export function warningsFor(p: Omit<ParsedLetter, 'warnings'>, dateSeen: boolean): string[] {
  const w: string[] = [];
  if (!p.title) w.push('未找到答复函标题。');
  if (!p.issuer) w.push('未找到承办单位（落款）。');
  if (!p.date) w.push(dateSeen ? '答复日期无法识别（原文日期可能残缺）。' : '未找到答复日期。');
  if (!p.proposal_number) w.push('提案号（建议号）无法识别。');
  if (!p.session) w.push('未找到届次（哪一次会议）。');
  if (p.proposers.length === 0) w.push('未找到提案人（委员或代表姓名）。');
  if (!p.proposal_title) w.push('未找到提案（建议）标题。');
  return w;
}
