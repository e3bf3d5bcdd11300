import { foldText } from './normalize';
import { readChineseNumber } from './numerals';
import type { DerivedFields, SessionParts } from './types';

/** Normalised proposal number for browsing: 018 ≡ 18; codes such as DH123 stay as written. */
export function proposalNumberKey(num: string | null): string | null {
  if (!num) return null;
  const s = foldText(num).trim().toUpperCase();
  if (/^\d+$/.test(s)) return s.replace(/^0+(?=\d)/, '');
  return s;
}

const ORD = '([一二三四五六七八九十百〇零两\\d]+)';

/** Splits a session string into body, level, term and meeting, with a sort key. */
export function sessionParts(session: string | null): SessionParts | null {
  if (!session) return null;
  const s = foldText(session).replace(/\s+/g, '');
  const body: SessionParts['body'] = /政协|政治协商/.test(s)
    ? '政协'
    : /人大|人民代表大会/.test(s)
      ? '人大'
      : null;
  const levelMatch = /(自治区|自治州|自治县|[省市县区州旗镇乡])/.exec(s.replace(/^政协/, ''));
  const level = levelMatch?.[1] ?? null;
  const termMatch = new RegExp(`${ORD}届`).exec(s);
  const meetingMatch = new RegExp(`${ORD}次会议`).exec(s);
  const term = termMatch?.[1] ? readChineseNumber(termMatch[1]) : null;
  const meeting = meetingMatch?.[1] ? readChineseNumber(meetingMatch[1]) : null;
  const pad = (n: number | null): string => (n === null ? '--' : String(n).padStart(2, '0'));
  const sortKey = `${body ?? '-'}|${level ?? '-'}|${pad(term)}|${pad(meeting)}`;
  return { body, level, term, meeting, sortKey };
}

export function categoryNormalized(category: string | null): DerivedFields['categoryNormalized'] {
  const m = category ? /[A-D]/.exec(foldText(category).toUpperCase()) : null;
  return m ? (m[0] as 'A' | 'B' | 'C' | 'D') : null;
}

/** The year of the letter: its date, else the year in its doc number or title. */
export function letterYear(
  date: string | null,
  docNumber: string | null,
  title: string | null,
): number | null {
  if (date) return Number(date.slice(0, 4));
  const doc = docNumber ? /[〔【[﹝(（]\s*(\d{4})/.exec(foldText(docNumber)) : null;
  if (doc?.[1]) return Number(doc[1]);
  const t = title ? /(20\d{2})年/.exec(foldText(title)) : null;
  return t?.[1] ? Number(t[1]) : null;
}

export function deriveFields(f: {
  date: string | null;
  doc_number: string | null;
  title: string | null;
  proposal_number: string | null;
  session: string | null;
  category: string | null;
}): DerivedFields {
  return {
    year: letterYear(f.date, f.doc_number, f.title),
    proposalNumberKey: proposalNumberKey(f.proposal_number),
    sessionParts: sessionParts(f.session),
    categoryNormalized: categoryNormalized(f.category),
  };
}
