import { coProposersInBody, proposersInBody } from './addressees';
import {
  bareCategory,
  categoryAfterDocNumber,
  categoryInTitle,
  findDocNumber,
  labelledCategory,
} from './header';
import type { Layout } from './layout';
import { numberInBody, numberInTitle } from './proposal-number';
import { bareProposalTitle, proposalTitleInTitle, quotedProposalTitle } from './proposal-title';
import type { Span } from './proposal-title';
import { findSession } from './session';
import { formProposalNumber, formProposers, formRole, formSubject } from './form-fields';
import type { Line } from './types';

/**
 * Lines of the receipt sentence: the addressee line and the lines after it, up to the first
 * that acknowledges or answers (收悉, 如下, 办理, 答复), at most four.
 */
export function receiptLines(l: Layout): Line[] {
  const from = l.addressee ? l.addressee.lineIndex : l.headerEnd;
  const out: Line[] = [];
  for (let i = from; i < Math.min(from + 4, l.closingStart + 1, l.lines.length); i++) {
    const line = l.lines[i];
    if (!line) break;
    out.push(line);
    if ((i > from || line.norm.length > 30) && /收悉|如下|办理|答复|研究/.test(line.norm)) break;
  }
  return out;
}

export function docNumberAndCategory(l: Layout): { docNumber: string | null; category: string | null } {
  let docNumber: string | null = null;
  let category: string | null = null;
  for (let i = 0; i < l.headerEnd; i++) {
    const line = l.lines[i];
    if (!line) continue;
    const hit = findDocNumber(line);
    if (hit) {
      docNumber ??= hit.value;
      category ??= categoryAfterDocNumber(line, hit);
    }
    category ??= labelledCategory(line) ?? bareCategory(line);
  }
  if (category === null) {
    for (const line of l.lines) {
      category = labelledCategory(line);
      if (category) break;
    }
  }
  if (category === null && l.title) category = categoryInTitle(l.title.norm, l.title.text);
  if (docNumber !== null && /^[\u4e00-\u9fa5]+$/.test(docNumber)) docNumber = null;
  return { docNumber, category };
}

export function sessionOf(l: Layout): string | null {
  if (l.title) {
    const s = findSession(l.title.text, l.title.norm);
    if (s) return s;
  }
  for (let i = l.bodyStart - 1; i < l.closingStart; i++) {
    const line = l.lines[i];
    if (!line || i < 0) continue;
    const s = findSession(line.text, line.norm);
    if (s) return s;
  }
  return null;
}

export function proposalNumberOf(l: Layout): string | null {
  if (l.title) {
    const n = numberInTitle(l.title.norm, l.title.text);
    if (n) return n;
    if (/来信号/.test(l.title.norm)) return null;
  }
  for (const line of receiptLines(l)) {
    const n = numberInBody(line.norm, line.text);
    if (n) return n;
  }
  return formProposalNumber(l.lines.slice(0, l.closingStart));
}

function sliceSpan(line: { text: string }, span: Span | null): string | null {
  return span ? line.text.slice(span.start, span.end).trim() || null : null;
}

export function proposalTitleOf(l: Layout): string | null {
  const lines = receiptLines(l);
  for (const line of lines) {
    const q = sliceSpan(line, quotedProposalTitle(line.norm));
    if (q) return q;
    const b = sliceSpan(line, bareProposalTitle(line.norm));
    if (b) return b;
  }
  if (l.title) {
    const t = sliceSpan(l.title, proposalTitleInTitle(l.title.norm));
    if (t) return t;
  }
  return formSubject(l.lines.slice(0, l.closingStart));
}

export function proposersOf(l: Layout): string[] {
  if (l.addressee && l.addressee.persons.length > 0) {
    const out = [...l.addressee.persons];
    for (const line of receiptLines(l)) {
      for (const name of coProposersInBody(line)) if (!out.includes(name)) out.push(name);
    }
    return out;
  }
  for (const line of receiptLines(l)) {
    const names = proposersInBody(line);
    if (names.length > 0) return names;
  }
  return formProposers(l.lines.slice(0, l.closingStart));
}

export function kindOf(l: Layout, session: string | null, proposalTitle: string | null): string | null {
  if (session) {
    if (/政协|政治协商/.test(session)) return '政协提案';
    if (/人大|人民代表大会/.test(session)) return '人大建议';
    return '其他';
  }
  const t = l.title ? l.title.norm.replace(/\s+/g, '') : '';
  if (/政协|政治协商/.test(t)) return '政协提案';
  if (/人大|人民代表大会/.test(t)) return '人大建议';
  if (/提案/.test(t)) return '政协提案';
  if (/建议|议案/.test(t)) return '人大建议';
  if (l.addressee?.role === '委员') return '政协提案';
  if (l.addressee?.role === '代表') return '人大建议';
  if (proposalTitle && /提案$/.test(proposalTitle)) return '政协提案';
  if (proposalTitle && /建议$/.test(proposalTitle)) return '人大建议';
  return null;
}

export function handlingRoleOf(l: Layout, issuer: string | null): string | null {
  const texts = [l.title?.norm ?? '', ...l.lines.slice(l.bodyStart, l.closingStart).map((x) => x.norm)];
  for (const s of texts) {
    if (/协办意见|协办答复|(?:由|转|交)我[\u4e00-\u9fa5]{0,4}协办|作为[^。,]{0,10}协办单位|协办情况/.test(s))
      return '协办';
    if (/会办意见|会办答复|(?:由|转|交)我[\u4e00-\u9fa5]{0,4}会办|作为[^。,]{0,10}会办单位|会办情况/.test(s))
      return '会办';
    if (/作为[^。,]{0,10}(?:主办|牵头)单位|主办意见|由我[\u4e00-\u9fa5]{0,4}(?:主办|牵头办理)/.test(s))
      return '主办';
  }
  return formRole(l.lines.slice(0, l.closingStart), issuer);
}
