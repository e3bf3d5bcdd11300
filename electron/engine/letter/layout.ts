import { findAddressee } from './addressees';
import type { Addressee } from './addressees';
import { findLetterDate } from './dates';
import type { FoundDate } from './dates';
import { foldText, splitParagraphs } from './normalize';
import { isOrgName } from './org';
import { classifyHeaderLine, findTitle, markSplitAnswerWord } from './title';
import type { HeaderKind, TitleBlock } from './title';
import type { Line } from './types';

/** The coarse layout of a letter: header, addressee, body, closing. */
export interface Layout {
  text: string;
  folded: string;
  lines: Line[];
  addressee: Addressee | null;
  /** Lines before this index form the header (title, numbers, flags). */
  headerEnd: number;
  headerKinds: HeaderKind[];
  title: TitleBlock | null;
  /** First line of the body (after the addressee). */
  bodyStart: number;
  /** First line of the closing block (signature, date, footer), or lines.length. */
  closingStart: number;
  /** The letter's date found in the closing (or anywhere, see `anyDate`). */
  date: FoundDate | null;
  /** The date wherever it stands, e.g. a `答复时间:` field in a record header. */
  anyDate: FoundDate | null;
}

const BODY_LIKE = /收悉|如下|您|你们|你提|我局|我们|感谢|办理/;
const FOOTER_LABEL =
  /^(?:[(]?联\s*系|承\s*办|经\s*办|抄\s*送|抄\s*报|附\s*件|附:|主管领导|领导签|签\s*发\s*人|办复类别|单位负责人|领导署名|主要签发|[(]?此件|[(]?此回复件|注:)/;

function firstBodyLike(lines: Line[]): number {
  for (let i = 0; i < Math.min(lines.length, 14); i++) {
    const line = lines[i];
    if (line && BODY_LIKE.test(line.norm) && classifyHeaderLine(line) !== 'end') return i;
  }
  return 0;
}

/** A signature without a date: the unit line(s) among the last three lines, else lines.length. */
function undatedSignature(lines: Line[], bodyStart: number): number {
  for (let i = lines.length - 1; i > bodyStart && i >= lines.length - 3; i--) {
    if (!isOrgName(lines[i]?.norm ?? '')) continue;
    return i - 1 > bodyStart && isOrgName(lines[i - 1]?.norm ?? '') ? i - 1 : i;
  }
  return lines.length;
}

function findClosingStart(lines: Line[], bodyStart: number, date: FoundDate | null): number {
  let closing: number;
  if (date) {
    closing = date.lineIndex;
    const prev = lines[date.lineIndex - 1];
    if (prev && date.lineIndex - 1 >= bodyStart && isOrgName(prev.norm)) closing = date.lineIndex - 1;
  } else {
    closing = undatedSignature(lines, bodyStart);
  }
  for (let i = Math.max(bodyStart, lines.length - 12); i < closing; i++) {
    const line = lines[i];
    if (line && (FOOTER_LABEL.test(line.norm) || /^承办单位/.test(line.norm))) return i;
  }
  return closing;
}

export function layoutOf(text: string): Layout {
  const folded = foldText(text);
  const lines = splitParagraphs(text, folded);
  const addressee = findAddressee(lines);
  const headerEnd = addressee ? addressee.lineIndex : firstBodyLike(lines);
  const headerKinds = markSplitAnswerWord(lines, lines.slice(0, headerEnd).map(classifyHeaderLine));
  const title = findTitle(lines, headerEnd, headerKinds);
  const bodyStart = addressee ? addressee.lineIndex + 1 : headerEnd;
  const found = findLetterDate(lines, 0);
  const date = found && found.lineIndex >= bodyStart ? found : null;
  const closingStart = findClosingStart(lines, bodyStart, date);
  return {
    text,
    folded,
    lines,
    addressee,
    headerEnd,
    headerKinds,
    title,
    bodyStart,
    closingStart,
    date,
    anyDate: found,
  };
}
