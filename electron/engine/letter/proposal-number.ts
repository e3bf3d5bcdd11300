const CODE = '[A-Z]{0,4}\\d+';

/**
 * Removes white space from a text and its folded copy alike (same length), so that a match
 * in the folded copy can be cut from the text as written (full-width digits kept: 第１２号).
 */
function squeezed(norm: string, text: string): { s: string; t: string } {
  let s = '';
  let t = '';
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i] ?? '';
    if (/\s/.test(c)) continue;
    s += c;
    t += text[i] ?? c;
  }
  return { s, t };
}

/** The first capture of the first matching pattern, cut from the text as written. */
function firstCode(norm: string, text: string, patterns: RegExp[]): string | null {
  const { s, t } = squeezed(norm, text.length === norm.length ? text : norm);
  for (const re of patterns) {
    const m = re.exec(s);
    if (m?.[1]) {
      const at = m.index + m[0].indexOf(m[1]);
      return t.slice(at, at + m[1].length);
    }
  }
  return null;
}

/**
 * The proposal number in the title: 第71号, 第020号, 16号, 第20220004号, 第46提案 (号 lost),
 * (第68号), (10号), DH123. Zero padding is kept.
 */
export function numberInTitle(norm: string, text: string = norm): string | null {
  return firstCode(norm, text, [
    new RegExp(`第(${CODE})号`),
    new RegExp(`第(${CODE})(?=提案|建议|议案|代表建议)`),
    new RegExp(`(?<![\\d〕】\\]])(${CODE})号(?!楼|院|线|文件)`),
    /第(\d{3,})/,
    /([A-Z]{1,4}\d+)/,
  ]);
}

/**
 * The proposal number in the receipt sentence: 提出的第4号“…”, (第201号提案), (第2024363号),
 * 第71号建议《…》, 《…》21号提案.
 */
export function numberInBody(norm: string, text: string = norm): string | null {
  return firstCode(norm, text, [
    new RegExp(`[(]第?(${CODE})号(?:提案|建议|议案)?[)]`),
    new RegExp(`第(${CODE})号(?=提案|建议|议案|代表建议|[“《"])`),
    new RegExp(`[》”](${CODE})号(?:提案|建议|议案)`),
    new RegExp(`(?:提案|建议|议案)[:：]?第(${CODE})号`),
  ]);
}
