import type { LetterSection } from '../../../shared/letter-fields';
import type { Line } from './types';

/** A part heading on its own line: 一、主要做法, 三、下步工作计划 (short, no full stop). */
const PART_HEADING = /^[一二三四五六七八九十]{1,3}\s*[、.]\s*[^。;]{1,28}$/;
/** A sub-part heading on its own line: （二）下一步工作 (short, no full stop). */
const SUB_HEADING = /^[(]\s*[一二三四五六七八九十]{1,3}\s*[)]\s*[^。;]{1,28}$/;

/** 1 for a part heading (一、…), 2 for a sub-part heading (（一）…), 0 otherwise. */
export function headingLevel(line: Line): number {
  if (PART_HEADING.test(line.norm)) return 1;
  if (SUB_HEADING.test(line.norm)) return 2;
  return 0;
}

export function isPartHeading(line: Line): boolean {
  return headingLevel(line) === 1;
}

const NEXT_WORDS =
  /下一步|下步|今后|下阶段|下一阶段|后续(?:工作|安排|打算|计划|措施)|工作计划|工作打算|打算|工作方向|努力方向/;

/** A next-steps heading: 三、下步工作计划, 二、下一步安排, 三、下步工作方向, （三）下一步工作. */
export function isNextStepsHeading(line: Line): boolean {
  return headingLevel(line) > 0 && NEXT_WORDS.test(line.norm);
}

/**
 * Sections of the letter: the header (title, numbers, addressee), each part of the body under
 * a heading (or the body as one part), and the closing (signature, date, footer).
 */
export function buildSections(
  text: string,
  lines: Line[],
  bodyStart: number,
  closingStart: number,
): LetterSection[] {
  const sections: LetterSection[] = [];
  const first = lines[0];
  if (!first) return sections;
  const bodyLine = lines[bodyStart];
  if (bodyStart > 0 && bodyLine) sections.push({ heading: '抬头', start: first.start, end: bodyLine.start });
  const closeLine = lines[closingStart];
  const bodyEnd = closeLine ? closeLine.start : text.length;
  let current: LetterSection | null =
    bodyLine && bodyLine.start < bodyEnd ? { heading: '正文', start: bodyLine.start, end: bodyEnd } : null;
  for (let i = bodyStart; i < Math.min(closingStart, lines.length); i++) {
    const line = lines[i];
    if (!line || !isPartHeading(line)) continue;
    if (current) {
      current.end = line.start;
      if (current.end > current.start) sections.push(current);
    }
    current = { heading: line.text, start: line.start, end: bodyEnd };
  }
  if (current && current.end > current.start) sections.push(current);
  if (closeLine) sections.push({ heading: '落款', start: closeLine.start, end: text.length });
  return sections;
}
