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

/** The needle as typed and, when it has ASCII, in full width (how some letters write numbers). */
function variants(needle: string): Buffer[] {
  const wide = needle.replace(/[\u0021-\u007e]/gu, (char) =>
    String.fromCharCode(char.charCodeAt(0) + 0xfee0),
  );
  return wide === needle ? [Buffer.from(needle)] : [Buffer.from(needle), Buffer.from(wide)];
}

/** Byte offset `count` characters before `at` in UTF-8 bytes. */
function back(bytes: Buffer, at: number, count: number): number {
  let i = at;
  for (let seen = 0; i > 0 && seen < count;) {
    i -= 1;
    if (((bytes[i] as number) & 0xc0) !== 0x80) seen += 1;
  }
  return i;
}

/** Byte offset `count` characters after `at` in UTF-8 bytes. */
function forward(bytes: Buffer, at: number, count: number): number {
  let i = at;
  for (let seen = 0; i < bytes.length && seen < count; seen += 1) {
    i += 1;
    while (i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80) i += 1;
  }
  return i;
}

/**
 * The same snippet, reading the letter's text as bytes (one row read, no conversion of the whole
 * letter to a JS string, which costs more than the rest of a search) and finding the first occurrence
 * with Buffer.indexOf. Terms with Latin letters may match case-folded text: those read the whole text.
 * The terms are prepared once for all the hits of a search (`snippetsFor`).
 */
export function snippetsFor(terms: string[]): (db: Database, id: number) => Snippet {
  const needles = needlesOf(terms);
  if (needles.some((needle) => /[a-z]/u.test(needle))) {
    return (db, id) => {
      const text = statement(db, 'SELECT text FROM letter_texts WHERE letter_id = ?').pluck().get(id) as
        string | undefined;
      return makeSnippet(text ?? '', terms);
    };
  }
  const buffers = needles.flatMap(variants);
  return (db, id) => {
    const bytes = statement(db, 'SELECT CAST(text AS BLOB) FROM letter_texts WHERE letter_id = ?')
      .pluck()
      .get(id) as Buffer | undefined;
    if (!bytes) return { snippet: '', highlights: [] };
    let first = -1;
    for (const buffer of buffers) {
      const at = bytes.indexOf(buffer);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    const start = first === -1 ? 0 : back(bytes, first, BEFORE);
    const end = forward(bytes, start, LENGTH);
    const raw = bytes.toString('utf8', start, end);
    return assemble(raw, first === -1 ? [] : needles, start > 0, end < bytes.length);
  };
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
