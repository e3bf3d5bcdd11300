/**
 * Search tokens. Two kinds, kept apart:
 * - bigram tokens (for recall): every CJK run becomes its character bigrams plus its last character
 *   alone (so a one-character query is a prefix query, and a run end touches the digits after it);
 *   digit runs and Latin runs stay whole. Stored in SQLite FTS5 (see search-migrations.ts).
 * - word tokens (for ranking): nodejieba cutForSearch words, see jieba.ts.
 * Both work on `normalizeForSearch` text, which keeps every offset of the raw text.
 */

/** Full-width ASCII → ASCII and A–Z → a–z, one UTF-16 unit for one: offsets stay those of the raw text. */
const FOLDABLE = /[A-Z\uff01-\uff5e]/gu;

function fold(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0x5a) return String.fromCharCode(code + 32);
  const ascii = code - 0xfee0;
  return String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii);
}

export function normalizeForSearch(text: string): string {
  return text.replace(FOLDABLE, fold);
}

/** CJK runs, digit runs and Latin runs of normalised text, in order. */
const SEGMENT = /[\p{Script=Han}〇]+|[0-9]+|[a-z]+/gu;
const HAN = /^[\p{Script=Han}〇]/u;

export type SegmentKind = 'han' | 'digits' | 'latin';

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Offset in the normalised (and raw) text. */
  start: number;
}

export function segments(normalized: string): Segment[] {
  const out: Segment[] = [];
  for (const match of normalized.matchAll(SEGMENT)) {
    const text = match[0];
    const kind: SegmentKind = HAN.test(text) ? 'han' : /^[0-9]/u.test(text) ? 'digits' : 'latin';
    out.push({ kind, text, start: match.index });
  }
  return out;
}

/** A CJK run's tokens: its bigrams, then its last character alone. */
export function hanRunTokens(run: string): string[] {
  const chars = Array.from(run);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(`${chars[i]}${chars[i + 1]}`);
  const last = chars[chars.length - 1];
  if (last !== undefined) tokens.push(last);
  return tokens;
}

/** The bigram field of a text, as a space-separated token string for FTS5. */
export function bigramField(text: string): string {
  const tokens: string[] = [];
  for (const segment of segments(normalizeForSearch(text))) {
    if (segment.kind === 'han') tokens.push(...hanRunTokens(segment.text));
    else tokens.push(segment.text);
  }
  return tokens.join(' ');
}

/** One FTS5 phrase that every text containing `term` verbatim matches, and whether a match proves it. */
export interface TermPhrase {
  /** An FTS5 query (one phrase, or phrases joined by AND), or null when the term has no tokens. */
  fts: string | null;
  /** True when an FTS match alone proves that the normalised text contains the term. */
  exact: boolean;
}

function quoteTokens(tokens: string[]): string {
  return `"${tokens.join(' ')}"`;
}

/**
 * The FTS5 query for one search term. A term of one CJK run is exact (a phrase of its bigrams, or a
 * prefix query for one character); a term mixing runs is a candidate filter, checked against the text.
 */
export function termPhrase(term: string): TermPhrase {
  const normalized = normalizeForSearch(term);
  const parts = segments(normalized);
  if (parts.length === 0) return { fts: null, exact: false };
  // Pieces of the term separated by other characters (spaces, punctuation) are matched apart.
  const groups: Segment[][] = [];
  let previousEnd = -1;
  for (const part of parts) {
    const current = groups[groups.length - 1];
    if (current && part.start === previousEnd) current.push(part);
    else groups.push([part]);
    previousEnd = part.start + part.text.length;
  }
  const phrases = groups.map((group) => groupPhrase(group));
  const single = parts.length === 1 && parts[0]?.text.length === normalized.length;
  // One run alone: a CJK phrase of bigrams is exact; digits and Latin are whole tokens by design.
  return { fts: phrases.join(' AND '), exact: single };
}

function groupPhrase(group: Segment[]): string {
  const tokens: string[] = [];
  let prefix = false;
  group.forEach((segment, index) => {
    const isLast = index === group.length - 1;
    if (segment.kind !== 'han') {
      tokens.push(segment.text);
      return;
    }
    const runTokens = hanRunTokens(segment.text);
    if (runTokens.length === 1) {
      // One character: whatever follows it in the text, a token starting with it is there.
      tokens.push(runTokens[0] as string);
      if (isLast) prefix = true;
      return;
    }
    // The text's run may go on after the term ends: drop the trailing single character then.
    tokens.push(...(isLast ? runTokens.slice(0, -1) : runTokens));
  });
  return prefix ? `${quoteTokens(tokens)} *` : quoteTokens(tokens);
}
