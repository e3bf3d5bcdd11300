import type { Database } from 'better-sqlite3';
import { statement } from '../store/statements';
import { normalizeForSearch } from './tokenizer';

export interface Snippet {
  snippet: string;
  /** [start, end) offsets in `snippet`. */
  highlights: Array<[number, number]>;
}

const BEFORE = 30;
const LENGTH = 120;

const needlesOf = (terms: string[]): string[] => [
  ...new Set(terms.map((term) => normalizeForSearch(term)).filter((term) => term !== '')),
];

/** Every occurrence of every needle in the (normalised) window, shifted by the lead's length. */
function spansIn(window: string, needles: string[], shift: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + needle.length)) {
      spans.push([at + shift, at + shift + needle.length]);
    }
  }
  return mergeSpans(spans);
}

function assemble(raw: string, needles: string[], hasBefore: boolean, hasAfter: boolean): Snippet {
  const lead = hasBefore ? '…' : '';
  const body = raw.replace(/[\r\n\t]/gu, ' ');
  return {
    snippet: `${lead}${body}${hasAfter ? '…' : ''}`,
    highlights: spansIn(normalizeForSearch(raw), needles, lead.length),
  };
}

/**
 * A window of the raw text around the first occurrence of a term, with every occurrence of every term
 * inside it highlighted. Computed on the raw text (normalised one unit for one, so offsets hold);
 * FlexSearch's highlighter misplaces CJK offsets and is never used.
 */
export function makeSnippet(text: string, terms: string[]): Snippet {
  const needles = needlesOf(terms);
  const haystack = normalizeForSearch(text);
  let first = -1;
  for (const needle of needles) {
    const at = haystack.indexOf(needle);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  const start = first <= BEFORE ? 0 : first - BEFORE;
  const end = Math.min(text.length, start + LENGTH);
  return assemble(text.slice(start, end), first === -1 ? [] : needles, start > 0, end < text.length);
}

/**
 * The same snippet, with SQLite finding the first occurrence (instr) and cutting the window (substr):
 * turning a whole letter into a JS string costs more than the rest of a search. Terms with Latin
 * letters or digits may match folded text (full width, upper case): those read the whole text.
 */
export function snippetFromDatabase(db: Database, id: number, terms: string[]): Snippet {
  const needles = needlesOf(terms);
  if (terms.some((term) => /[0-9a-zA-Z\uff01-\uff5e]/u.test(term))) {
    const text = statement(db, 'SELECT text FROM letters WHERE id = ?').pluck().get(id) as string | undefined;
    return makeSnippet(text ?? '', terms);
  }
  const find = statement(db, 'SELECT instr(text, ?) FROM letters WHERE id = ?').pluck();
  let first = 0;
  for (const needle of needles) {
    const at = (find.get(needle, id) as number | undefined) ?? 0;
    if (at > 0 && (first === 0 || at < first)) first = at;
  }
  // SQLite counts characters from 1.
  const start = first <= BEFORE + 1 ? 1 : first - BEFORE;
  const row = statement(
    db,
    'SELECT substr(text, ?, ?) AS window, length(text) AS length FROM letters WHERE id = ?',
  ).get(start, LENGTH, id) as { window: string; length: number } | undefined;
  if (!row) return { snippet: '', highlights: [] };
  return assemble(row.window, first === 0 ? [] : needles, start > 1, start - 1 + LENGTH < row.length);
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}
