import { dueDateFor } from './due-dates';
import { headingLevel, isNextStepsHeading } from './sections';
import type { CommitmentItem, Line } from './types';

/** A paragraph that begins with a next-steps marker: 下一步, / 下步工作中, / 今后, */
const MARKER_START =
  /^(?:(?:下一步|下步|今后|下阶段|下一阶段|接下来)(?:工作中|的工作中|工作上|,|:|我|将)|在(?:下一步|下步|今后|下阶段)的?工作中)/;
/** A lead-in that announces measures to come: 我们还将采取以下措施: / 下一步将采取以下工作措施:一是… */
const LEAD_IN =
  /(?:将|拟|还将|下一步|下步|今后)[^。]{0,20}(?:以下|如下)[^。]{0,8}(?:措施|工作|方面)[^。:]{0,16}:/;
/** A lead-in about work already done: 我局将该建议作为重点…主要开展了以下工作: (将 = 把, 了/已). */
const PAST_LEAD_IN =
  /将(?:该|此|其|这|本|您|你)|(?:开展|采取|实施|做|完成|落实)了|已(?:经)?(?:开展|采取|实施|做|完成|落实)/;

/** A line that announces measures to come (not a report of work done). */
function isLeadIn(norm: string): boolean {
  const m = LEAD_IN.exec(norm);
  return m !== null && !PAST_LEAD_IN.test(m[0]);
}

/** Closing formulas that end the next-steps part. */
const CLOSING =
  /^(?:此复|特此|专此|此致|敬礼|以上答复|以上回复|以上|感谢|再次感谢|最后|衷心感谢|希望|欢迎|谢谢|恳请|请|对以上|如有|您对|你对|联系|附件|附:|抄送|注:|\(此)/;
const ITEM_START =
  /^(?:[一二三四五六七八九十]+是|\d{1,2}\s*[、.]|[(]\s*[一二三四五六七八九十\d]{1,3}\s*[)]|[一二三四五六七八九十]{1,3}\s*[、]|第[一二三四五六七八九十]{1,2}[,、])/;
/** Families of inline enumerators: 一是…二是…, （一）…（二）…, 1.…2.…, 第一,…第二,… */
const INLINE_FAMILIES = [
  /(?:^|(?<=[。;:,]))\s*([一二三四五六七八九十]{1,3}是)/g,
  /(?:^|(?<=[。;:]))\s*([(][一二三四五六七八九十]{1,3}[)])/g,
  /(?:^|(?<=[。;:]))\s*(\d{1,2}[、.](?!\d))/g,
  /(?:^|(?<=[。;:]))\s*(第[一二三四五六七八九十]{1,2}[,、])/g,
];

/** An item that is only a short sub-heading (`1.加强统筹`, `（一）完善长效机制。`), its text below. */
function isItemHeading(line: Line): boolean {
  const s = line.norm.replace(/\s+/g, '');
  return ITEM_START.test(s) && s.length <= 24 && /^[^。;!?,:]*。?$/.test(s);
}

export interface NextSteps {
  heading: Line | null;
  items: CommitmentItem[];
}

function item(
  text: string,
  folded: string,
  start: number,
  end: number,
  letterDate: string | null,
  year: number | null,
): CommitmentItem | null {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(folded[a] ?? '')) a++;
  while (b > a && /\s/.test(folded[b - 1] ?? '')) b--;
  if (b <= a) return null;
  const t = text.slice(a, b);
  return { text: t, start: a, end: b, dueDate: dueDateFor(t, letterDate, year) };
}

/** Splits a paragraph at inline enumerators 一是…二是…; null when it has fewer than two. */
function inlineItems(line: Line): Array<[number, number]> | null {
  for (const re of INLINE_FAMILIES) {
    const starts: number[] = [];
    let firstMarker = '';
    re.lastIndex = 0;
    for (let m = re.exec(line.norm); m; m = re.exec(line.norm)) {
      if (starts.length === 0) firstMarker = m[1] ?? '';
      starts.push(m.index + m[0].length - (m[1]?.length ?? 0));
    }
    if (starts.length < 2 || !/[一1]/.test(firstMarker)) continue;
    return starts.map((s, i) => [line.start + s, line.start + (starts[i + 1] ?? line.norm.length)]);
  }
  return null;
}

/**
 * Finds the next-steps part and its commitments. The part starts at a next-steps heading,
 * at a paragraph that begins with a marker, or at a lead-in announcing measures followed by
 * items; it ends at the next part heading or at the closing.
 */
export function findNextSteps(
  text: string,
  folded: string,
  lines: Line[],
  bodyStart: number,
  closingStart: number,
  letterDate: string | null,
  year: number | null,
): NextSteps {
  const stop = Math.min(closingStart, lines.length);
  const isClosing = (i: number): boolean => i >= stop;
  let heading: Line | null = null;
  let from = -1;
  for (let i = bodyStart; i < stop; i++) {
    const line = lines[i];
    if (!line) continue;
    if (isNextStepsHeading(line)) {
      heading = line;
      from = i + 1;
      break;
    }
    if (MARKER_START.test(line.norm)) {
      from = i;
      break;
    }
    if (isLeadIn(line.norm)) {
      const next = lines[i + 1];
      const inline = inlineItems(line);
      if (inline || (next && i + 1 < stop && ITEM_START.test(next.norm))) {
        from = i;
        break;
      }
    }
  }
  const items: CommitmentItem[] = [];
  if (from < 0) return { heading, items };
  const limit = heading ? headingLevel(heading) : itemLevelLimit(lines, from, stop);
  const ends = (i: number): boolean => {
    const line = lines[i];
    if (!line) return true;
    const level = headingLevel(line);
    return isClosing(i) || CLOSING.test(line.norm) || (level > 0 && level <= limit);
  };
  // a list of bare short items (1.加强统筹 / 2.完善设施 / …) is not a list of sub-headings
  let bareItems = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (i > from && ends(i)) break;
    if (isItemHeading(line) && !bareItems) {
      // `1.加强统筹` + its paragraph(s) below: one item, the lines joined (as a title's are)
      let j = i + 1;
      while (j < stop && !ends(j) && !ITEM_START.test(lines[j]?.norm ?? '')) j++;
      const last = lines[j - 1];
      if (j > i + 1 && last) {
        const parts = lines.slice(i, j).map((x) => text.slice(x.start, x.end));
        const joined = parts.join('');
        items.push({
          text: joined,
          start: line.start,
          end: last.end,
          dueDate: dueDateFor(joined, letterDate, year),
        });
        i = j - 1;
        continue;
      }
      bareItems = true;
    }
    const split = inlineItems(line);
    // An item line is split only when its own marker opens the inline run (一是…;二是…).
    const inline = split && ITEM_START.test(line.norm) && split[0]?.[0] !== line.start ? null : split;
    if (inline) {
      for (const [a, b] of inline) {
        const it = item(text, folded, a, b, letterDate, year);
        if (it) items.push(it);
      }
      continue;
    }
    if (/:$/.test(line.norm) && ITEM_START.test(lines[i + 1]?.norm ?? '')) continue;
    const it = item(text, folded, line.start, line.end, letterDate, year);
    if (it) items.push(it);
  }
  return { heading, items };
}

/**
 * Without a next-steps heading, any heading ends the part; but after a lead-in that
 * announces items (`下一步,我局将重点做好以下工作:` + `（一）完善长效机制`) headings of the
 * items' own level are items, and only higher-level headings end the part.
 */
function itemLevelLimit(lines: Line[], from: number, stop: number): number {
  const lead = lines[from];
  const first = lines[from + 1];
  if (!lead || !first || from + 1 >= stop || !/:$/.test(lead.norm) || !ITEM_START.test(first.norm)) return 9;
  const level = headingLevel(first);
  return level > 0 ? level - 1 : 9;
}
