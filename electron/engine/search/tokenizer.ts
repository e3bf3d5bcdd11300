/**
 * Search tokens. Two kinds, kept apart:
 * - n-grams (for membership): the 1–4-grams of every CJK run, digit runs and Latin runs whole
 *   (see gram-index.ts), from the runs `segments` finds.
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
