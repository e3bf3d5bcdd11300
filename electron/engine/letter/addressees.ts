import { foldText } from './normalize';
import type { Line } from './types';

/**
 * A person's name as written (2–5 characters; masked names such as 许** kept; transcribed
 * names with a middle dot such as 阿依古丽·吐尔逊 up to 12).
 */
const PERSON = /^(?:[\u4e00-\u9fa5][\u4e00-\u9fa5*＊]{1,4}|[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5]{1,6})$/;
const NOT_A_PERSON =
  /[委会党组局办厅部队界别支总]|政协|人大|研究|办理|关于|^各|全体|诸位|同志|人民|其他|其它|大家|多名|多位|部分|有关|^[我你您他她]/;

export interface Addressee {
  lineIndex: number;
  /** The persons named; empty for a unit addressee (区卫生健康局:). */
  persons: string[];
  role: '委员' | '代表' | null;
}

/**
 * Person addressee lines: 乐芳均委员:, 尊敬的王爱珍代表:, 高松代表, 马青、周丽等委员:,
 * 胡维英等四位代表:, 尚路鹏(等4位)代表:, 余秀华9名代表, 鲁建忠、陈奕明、王迎春三位代表:,
 * 尊敬的方炎柏、李建利领衔代表:, 尊敬的王亚春区人大代表:, 刘苍林政协绿春县委员:, 吕萍代表您好:.
 */
const PERSON_LINE =
  /^(?:尊敬的?|致)?\s*([\u4e00-\u9fa5*＊·、,()\d\s]{2,60}?)(委员|代表|同志)(?:们|同志)?(?:您好|你好)?\s*(?::|$)/;

/** Unit addressee lines of co-handler replies: 区卫生健康局:, 市住建局:, 双龙湖街道:. */
const UNIT_LINE = /^[\u4e00-\u9fa5]{2,24}:$/;
const LABELS = /类别|签发|办理结果|公开|联系|抄送|抄报|主办|协办|单位|事由|时间|编号|标题|内容|附件|注$/;

/** Titles written between a name and the role word: 李明主任委员, 赵敏副主任委员、孙立委员. */
const TITLE_END = /(?:副?主任委员|副?主任|副?主席|常委|秘书长|委员|代表|同志)$/;

/**
 * Splits `马青、周丽等` etc. into persons, dropping collective proposers, count words and
 * titles; the names are cut from the input as written (许＊＊ stays full-width).
 */
export function namesFrom(list: string): string[] {
  const folded = foldText(list);
  const cut = folded
    .replace(/[(]?等.*$/, '')
    .replace(/[\d一二三四五六七八九十两]+\s*[位名个]$/, '')
    .replace(/领衔$/, '');
  const out: string[] = [];
  const sep = /[、,\s]+/g;
  let from = 0;
  const pieces: Array<[number, number]> = [];
  for (let m = sep.exec(cut); m; m = sep.exec(cut)) {
    pieces.push([from, m.index]);
    from = m.index + m[0].length;
  }
  pieces.push([from, cut.length]);
  for (const [a, b] of pieces) {
    const piece = cut.slice(a, b);
    const head = /^(?:尊敬的?|致)/.exec(piece)?.[0].length ?? 0;
    const name = piece
      .slice(head)
      .replace(/(?:政协|人大).*$/, '')
      .replace(TITLE_END, '')
      .replace(/[区市县州镇乡]$/, (m, offset: number) => (offset >= 2 ? '' : m));
    if (PERSON.test(name) && !NOT_A_PERSON.test(name)) out.push(list.slice(a + head, a + head + name.length));
  }
  return out;
}

function personAddressee(line: Line): { persons: string[]; role: '委员' | '代表' | null } | null {
  const m = PERSON_LINE.exec(line.norm);
  if (!m?.[1] || !m[2]) return null;
  const list = m[1];
  if (/关于|会议|号|提出|感谢/.test(list)) return null;
  const hasColon = line.norm.slice(m[0].length - 1, m[0].length) === ':';
  if (!hasColon && line.norm.length > m[0].length) return null;
  const at = m.index + (m[0].indexOf(list) >= 0 ? m[0].indexOf(list) : 0);
  const raw = line.text.slice(at, at + list.length);
  const role = m[2] === '委员' ? '委员' : m[2] === '代表' ? '代表' : null;
  return { persons: namesFrom(raw), role };
}

/** Finds the addressee line among the first lines of the letter. */
export function findAddressee(lines: Line[], limit = 20): Addressee | null {
  const n = Math.min(lines.length, limit);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (!line) continue;
    const p = personAddressee(line);
    if (p) return { lineIndex: i, persons: p.persons, role: p.role };
    if (UNIT_LINE.test(line.norm) && !LABELS.test(line.norm))
      return { lineIndex: i, persons: [], role: null };
    if (/收悉|如下/.test(line.norm)) return null;
  }
  return null;
}

/**
 * Persons named in the body when the letter is addressed to a unit or to nobody:
 * `…于碧鲲、王天理…等委员提出的`, `钟莺、黄清梅…等5名代表提出了`, `现对李启珍代表提出的`.
 */
export function proposersInBody(line: Line): string[] {
  const m = /(?:委员|代表)(?:们)?(?:提出|所提|在|联名)/.exec(line.norm);
  if (!m) return namedAfterRole(line);
  const before = line.text.slice(0, m.index);
  const beforeNorm = line.norm.slice(0, m.index);
  const cut = Math.max(...[',', '。', ':', ';', ' ', '“', '”'].map((c) => beforeNorm.lastIndexOf(c)));
  const segment = before.slice(cut + 1).replace(/^.*由(?=[^由]{2,}$)/, '');
  const names = namesFrom(segment.replace(/^(?:现|经研究)?(?:对|由|请|将|是)/, ''));
  return names.length > 0 ? names : namedAfterRole(line);
}

/** Role word before the name: `市人大代表欧阳建华提出的`, `政协委员张三等提出的`. */
const ROLE_THEN_NAME =
  /(?:代表|委员)([\u4e00-\u9fa5·*＊]{2,12}?)(?:等[\d一二三四五六七八九十]*[位名]?(?:代表|委员)?)?(?:提出|所提)/;

function namedAfterRole(line: Line): string[] {
  const m = ROLE_THEN_NAME.exec(line.norm);
  if (!m?.[1] || /^(?:们|提|在|联名|您|你)/.test(m[1])) return [];
  const at = m.index + m[0].indexOf(m[1]);
  return namesFrom(line.text.slice(at, at + m[1].length));
}

/**
 * Co-proposers named beside the addressee in the receipt sentence: `您与张三等5位代表提出的`,
 * `你和李四、王五委员联名提出的`.
 */
export function coProposersInBody(line: Line): string[] {
  const m = /[您你](?:与|和|同|及)([^,。;:!?“”《》]{2,40}?)(?:等|代表|委员|同志|联名|提出|共同)/.exec(
    line.norm,
  );
  if (!m?.[1]) return [];
  const at = m.index + m[0].indexOf(m[1], 2);
  return namesFrom(line.text.slice(at, at + m[1].length));
}
