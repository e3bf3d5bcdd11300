import type { Layout } from './layout';
import { foldText } from './normalize';
import { isOrgName, orgPrefix } from './org';
import type { Line } from './types';

export interface Issuers {
  issuer: string | null;
  coIssuers: string[];
}

/** Lines that may stand between the signature and the date. */
const NOISE = /^[(]?(?:此件|此回复件|注:|领导签字|单位负责人|签字|盖章|\(盖章\))/;

const clean = (s: string): string =>
  s
    .trim()
    .replace(/\s*[(（]\s*盖\s*章\s*[)）]$/, '')
    .replace(/\s*文件$/, '');

/**
 * Unit names on one signature line: `甲局`, `甲局(盖章)`, `贵阳市观山湖区 住房和城乡建设局`
 * (internal space kept) or `甲局    乙局` (a joint reply: every part a unit name of 4+ characters).
 */
function orgsOnLine(line: Line): string[] | null {
  const parts = line.text.trim().split(/\s+/);
  if (parts.length > 1 && parts.every((p) => clean(p).length >= 4 && isOrgName(foldText(p))))
    return parts.map(clean);
  return isOrgName(line.norm) ? [clean(line.text)] : null;
}

/** Units signed just below the date (date written above the signature). */
function signedBelowDate(l: Layout, dateIndex: number): string[] {
  const found: string[] = [];
  for (let i = dateIndex + 1; i < l.lines.length && i <= dateIndex + 3; i++) {
    const line = l.lines[i];
    const orgs = line ? orgsOnLine(line) : null;
    if (!orgs) break;
    found.push(...orgs);
  }
  return found;
}

/** The units signed above the date (several lines or one line with several units). */
function signedAboveDate(l: Layout, dateIndex: number): string[] {
  const found: string[][] = [];
  for (let i = dateIndex - 1; i >= l.bodyStart && i >= dateIndex - 4; i--) {
    const line = l.lines[i];
    if (!line) break;
    const orgs = orgsOnLine(line);
    if (orgs) {
      found.unshift(orgs);
      continue;
    }
    if (found.length === 0 && NOISE.test(line.norm)) continue;
    break;
  }
  return found.flat();
}

/**
 * The issuer as signed (a `承办单位:` field or the unit above the date; further units signed
 * with it are co-issuers), else the unit line above the title, else the unit named at the
 * start of a page headline.
 */
export function findIssuers(l: Layout): Issuers {
  for (let i = l.bodyStart; i < l.lines.length; i++) {
    const line = l.lines[i];
    const m = line ? /^承\s*办\s*单\s*位\s*:\s*(\S.*)$/.exec(line.norm) : null;
    if (line && m?.[1])
      return { issuer: line.text.slice(line.norm.length - m[1].length).trim(), coIssuers: [] };
  }
  if (l.date) {
    if (l.date.prefix) {
      const name = l.date.prefix.split(/\s+/).pop() ?? '';
      if (isOrgName(foldText(name))) return { issuer: clean(name), coIssuers: [] };
    }
    const above = signedAboveDate(l, l.date.lineIndex);
    const signed = above.length > 0 ? above : signedBelowDate(l, l.date.lineIndex);
    if (signed[0]) return { issuer: signed[0], coIssuers: signed.slice(1) };
  } else {
    for (let i = l.lines.length - 1; i >= Math.max(l.bodyStart, l.lines.length - 3); i--) {
      const line = l.lines[i];
      const orgs = line ? orgsOnLine(line) : null;
      if (orgs?.[0]) return { issuer: orgs[0], coIssuers: orgs.slice(1) };
    }
  }
  const titleFirst = l.title ? l.title.first : l.headerEnd;
  for (let i = titleFirst - 1; i >= 0; i--) {
    const line = l.lines[i];
    if (line && l.headerKinds[i] === 'issuer') return { issuer: clean(line.text), coIssuers: [] };
  }
  if (l.title) {
    const p = orgPrefix(l.title.norm);
    if (p) return { issuer: l.title.text.slice(0, p.length), coIssuers: [] };
  }
  return { issuer: null, coIssuers: [] };
}
