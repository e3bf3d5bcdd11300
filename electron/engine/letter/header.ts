import type { Line } from './types';

export interface DocNumberHit {
  value: string;
  /** Offset in the line's text just after the doc number. */
  endInLine: number;
}

/**
 * Doc numbers: 高卫体发〔2023〕148号, 提复字【2021】31号, 平交复函[2017]19号, 铁银政函[2020]  19,
 * 兰政字〔2012〕30-17号, 建议字:〔2023〕8号, 湘教提复字〔2019〕来信号, garbled 舞水〔202258.
 */
const DOC_NUMBER =
  /[\u4e00-\u9fa5]{1,14}:?\s*(?:[〔【[﹝]\s*\d{4}\s*[〕】\]﹞]\s*(?:第\s*)?(?:\d+(?:-\d+)?\s*号?|来信号)|[〔【[﹝]\d{5,}|\(\d{4}\)\s*(?:第\s*)?\d+(?:-\d+)?\s*号)/;

export function findDocNumber(line: Line): DocNumberHit | null {
  const m = DOC_NUMBER.exec(line.norm);
  if (!m) return null;
  const raw = line.text.slice(m.index, m.index + m[0].length);
  const value = raw.trim();
  return { value, endInLine: m.index + m[0].length };
}

const LABELLED_CATEGORY =
  /(?:办复类别|答复类别|办理类别|类\s*别|办理结果|办理类型)\s*:\s*[([]?\s*([A-D])(?![A-Za-z])/;

/** Category from a labelled line anywhere in the letter: 类别:C, 办理结果:(A类), 办复类别:B. */
export function labelledCategory(line: Line): string | null {
  const m = LABELLED_CATEGORY.exec(line.norm);
  return m ? letterAt(line, m.index + m[0].length - 1) : null;
}

/** The category letter at an offset of the line, as written (full-width Ｂ kept). */
function letterAt(line: Line, at: number): string | null {
  return line.text[at] ?? line.norm[at] ?? null;
}

/** Category written in the header without a label: `A`, `(B类)`, `A:解决采纳`, `B类`. */
export function bareCategory(line: Line): string | null {
  const s = line.norm.replace(/\s+/g, '');
  const m = /^[([]?([A-D])类?[)\]]?(?::.{0,8})?$/.exec(s);
  return m ? letterAt(line, line.norm.search(/[A-D]/)) : null;
}

/** Category glued to a doc number: `…11号A类`, `…2号 B类`, `…5号(B类)`. */
export function categoryAfterDocNumber(line: Line, hit: DocNumberHit): string | null {
  const rest = line.norm.slice(hit.endInLine);
  const m = /^\s*[([]?\s*([A-D])\s*类/.exec(rest);
  return m?.[1] ? letterAt(line, hit.endInLine + m[0].indexOf(m[1])) : null;
}

/** Category in the title: `办理情况（A）的函`. */
export function categoryInTitle(titleNorm: string, titleText: string = titleNorm): string | null {
  const m = /\(([A-D])类?\)/.exec(titleNorm);
  return m ? (titleText[m.index + 1] ?? null) : null;
}

/** The signer: 签发人:马文忠, 领导签发:刘民华, 主要签发领导:李  兵. */
export function findSigner(line: Line): string | null {
  const m =
    /(?:签\s*发\s*人|领导签发|主要签发领导|签发领导)\s*:\s*([\u4e00-\u9fa5](?:\s{0,3}[\u4e00-\u9fa5]){1,4})/.exec(
      line.norm,
    );
  if (!m || m[1] === undefined) return null;
  const at = m.index + m[0].length - m[1].length;
  return line.text.slice(at, at + m[1].length).trim();
}

export function isDisclosureLine(line: Line): boolean {
  return /公开/.test(line.norm) && line.norm.length <= 24;
}

export function isSignerLine(line: Line): boolean {
  return /签\s*发\s*人|领导签发|签发领导/.test(line.norm) && line.norm.length <= 40;
}
