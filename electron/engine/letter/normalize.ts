import type { Line } from './types';

const FOLD: Record<string, string> = {
  '：': ':',
  '，': ',',
  '（': '(',
  '）': ')',
  '；': ';',
  '！': '!',
  '？': '?',
  '\u3000': ' ',
  '\u00a0': ' ',
  '．': '.',
  '－': '-',
  '［': '[',
  '］': ']',
};

const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0]/g;

function foldChar(ch: string): string {
  const mapped = FOLD[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  const isDigit = code >= 0xff10 && code <= 0xff19;
  const isLetter = (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  return isDigit || isLetter ? String.fromCharCode(code - 0xfee0) : ch;
}

/**
 * Folds full-width punctuation, digits and Latin letters to ASCII, one character for one,
 * so that offsets in the folded text are offsets in the input.
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** Splits the input into trimmed, non-empty lines with offsets. */
export function splitRawLines(text: string, folded: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    pushTrimmed(lines, text, folded, m.index, m.index + m[0].length);
  }
  return lines;
}

function pushTrimmed(lines: Line[], text: string, folded: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(folded[a] ?? '')) a++;
  while (b > a && /\s/.test(folded[b - 1] ?? '')) b--;
  if (b > a) lines.push({ start: a, end: b, text: text.slice(a, b), norm: folded.slice(a, b) });
}

/**
 * Splits the input into paragraphs. Pages stored flat (one table cell) keep former
 * paragraphs on one line, separated by a blank after the end of a sentence or after the
 * colon of an addressee; such lines are split there.
 */
export function splitParagraphs(text: string, folded: string): Line[] {
  const out: Line[] = [];
  for (const line of splitRawLines(text, folded)) {
    if (line.norm.length < 60 || !/[。!?:]\s/.test(line.norm)) {
      out.push(line);
      continue;
    }
    const re =
      /([。!?]|[\d〇○零一二三四五六七八九十]日)\s+|^([^\s:]{2,40}(?:委员|代表)[^\s:]{0,3}:)\s+|\s+(?=[^\s:。,]{2,40}(?:委员|代表)[^\s:]{0,3}:)/g;
    let from = line.start;
    for (let m = re.exec(line.norm); m; m = re.exec(line.norm)) {
      const cut = line.start + m.index + (m[1] ?? m[2] ?? '').length;
      if (cut <= from) continue;
      pushTrimmed(out, text, folded, from, cut);
      from = line.start + m.index + m[0].length;
    }
    pushTrimmed(out, text, folded, from, line.end);
  }
  return out;
}

/** Removes all white space (for tests on text such as `答 复`). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}
