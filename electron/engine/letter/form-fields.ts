import { namesFrom } from './addressees';
import { foldText } from './normalize';
import type { Line } from './types';

/**
 * Fields of form and record layouts (建议办理单, 提案办理单): `新编号:第23号`, `代表姓名:张三`,
 * `建议人:`, `主办单位:`, `协办单位:`, `事    由:`, `答复时间:`.
 */
export function formField(lines: Line[], label: RegExp): string | null {
  for (const line of lines) {
    const m = label.exec(line.norm);
    if (!m || m.index !== 0) continue;
    const value = line.text.slice(m[0].length).trim();
    if (value) return value;
  }
  return null;
}

const NUMBER_LABEL = /^(?:新编号|建议编号|提案编号|建议号|提案号|编\s*号)\s*:\s*/;
const PERSON_LABEL = /^(?:代表姓名|委员姓名|领衔代表|领衔委员|建议人|提案人|代\s*表|委\s*员)\s*:\s*/;
const SUBJECT_LABEL = /^(?:事\s*由|案\s*由|建议名称|提案名称|建议题目|提案题目|标\s*题)\s*:\s*/;

export function formProposalNumber(lines: Line[]): string | null {
  const v = formField(lines, NUMBER_LABEL);
  const m = v ? /^第?\s*([A-Za-z]{0,4}\d+)/.exec(foldText(v)) : null;
  if (!v || !m?.[1]) return null;
  const at = m[0].length - m[1].length;
  return v.slice(at, at + m[1].length);
}

export function formProposers(lines: Line[]): string[] {
  const v = formField(lines, PERSON_LABEL);
  return v ? namesFrom(v.replace(/[。;；].*$/, '')) : [];
}

export function formSubject(lines: Line[]): string | null {
  const v = formField(lines, SUBJECT_LABEL);
  if (!v) return null;
  const q = /^[《“"](.+?)[》”"]$/.exec(v);
  return (q?.[1] ?? v).trim() || null;
}

/** 主办单位: / 协办单位: fields naming the issuer tell its role. */
export function formRole(lines: Line[], issuer: string | null): string | null {
  const lead = formField(lines, /^主\s*办\s*单\s*位\s*:\s*/);
  const co = formField(lines, /^(?:协\s*办|会\s*办)\s*单\s*位\s*:\s*/);
  if (issuer && co && co.includes(issuer)) return /会办/.test(co) ? '会办' : '协办';
  if (lead && (!issuer || lead.includes(issuer) || issuer.includes(lead))) return '主办';
  return null;
}
