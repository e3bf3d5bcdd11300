import { findDocNumber, isDisclosureLine, isSignerLine, labelledCategory, bareCategory } from './header';
import { squeeze } from './normalize';
import { isOrgName } from './org';
import type { Line } from './types';

export type HeaderKind = 'doc' | 'category' | 'signer' | 'disclosure' | 'field' | 'issuer' | 'end' | 'other';

const ANSWER_WORD = /答复|复函|回复|的函|协办意见|办理意见|答复函|的意见|办复|复文|办理情况$|情况的?报告$/;
const INTRO = /^(?:关于|对)/;
/** A labelled form or record field: `答复时间: 2024-05-28`, `主办单位:…`, `建议人:…`. */
const FIELD = /^[\u4e00-\u9fa5](?:\s{0,4}[\u4e00-\u9fa5]){1,7}\s*:/;

/** Classifies a line of the header block (everything above the addressee). */
export function classifyHeaderLine(line: Line): HeaderKind {
  if (findDocNumber(line)) return 'doc';
  if (labelledCategory(line) || bareCategory(line)) return 'category';
  if (isSignerLine(line)) return 'signer';
  if (isDisclosureLine(line)) return 'disclosure';
  if (FIELD.test(line.norm) && !INTRO.test(line.norm)) return 'field';
  const s = squeeze(line.norm);
  if (ANSWER_WORD.test(s) && !/收悉|如下|您|你/.test(s)) return 'end';
  if (isOrgName(line.norm)) return 'issuer';
  return 'other';
}

/**
 * Marks the tail of a title whose answer word is split over two lines (`…建议的答` + `复`):
 * a short line that completes an answer word with the line above it ends the title.
 */
export function markSplitAnswerWord(lines: Line[], kinds: HeaderKind[]): HeaderKind[] {
  return kinds.map((kind, i) => {
    const line = lines[i];
    const prev = lines[i - 1];
    if (kind !== 'other' || !line || !prev || squeeze(line.norm).length > 3) return kind;
    return ANSWER_WORD.test(squeeze(prev.norm + line.norm)) ? 'end' : kind;
  });
}

/** A block that already names a session and a number needs no line above it. */
function isComplete(block: Line[]): boolean {
  const s = block.map((l) => l.norm).join('');
  return /届.*会议/.test(s) && /号/.test(s);
}

export interface TitleBlock {
  first: number;
  last: number;
  /** The title lines joined with no separator (internal spaces kept). */
  text: string;
  norm: string;
}

/**
 * The letter's title: the last title block above the addressee (a page headline that
 * precedes the letter's own title is passed over). A block ends on a line with an answer
 * word (答复, 复函, 回复, …的函, 协办意见) and reaches up over continuation lines to the line
 * that begins with 关于/对.
 */
export function findTitle(lines: Line[], headerEnd: number, kinds: HeaderKind[]): TitleBlock | null {
  let last = -1;
  for (let i = headerEnd - 1; i >= 0; i--) {
    if (kinds[i] === 'end') {
      last = i;
      break;
    }
  }
  if (last < 0) return null;
  let first = last;
  while (
    first > 0 &&
    !INTRO.test(lines[first]?.norm ?? '') &&
    kinds[first - 1] === 'other' &&
    !isComplete(lines.slice(first, last + 1))
  )
    first--;
  const block = lines.slice(first, last + 1);
  const text = block.map((l) => l.text).join('');
  const norm = block.map((l) => l.norm).join('');
  if (!/会议|号|关于|第/.test(norm)) return null;
  return { first, last, text, norm };
}
