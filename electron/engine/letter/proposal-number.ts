const CODE = '[A-Z]{0,4}\\d+';

/**
 * The proposal number in the title: 第71号, 第020号, 16号, 第20220004号, 第46提案 (号 lost),
 * (第68号), (10号), DH123. Zero padding is kept.
 */
export function numberInTitle(norm: string): string | null {
  const s = norm.replace(/\s+/g, '');
  const patterns = [
    new RegExp(`第(${CODE})号`),
    new RegExp(`第(${CODE})(?=提案|建议|议案|代表建议)`),
    new RegExp(`(?<![\\d〕】\\]])(${CODE})号(?!楼|院|线|文件)`),
    /第(\d{3,})/,
    /([A-Z]{1,4}\d+)/,
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * The proposal number in the receipt sentence: 提出的第4号“…”, (第201号提案), (第2024363号),
 * 第71号建议《…》, 《…》21号提案.
 */
export function numberInBody(norm: string): string | null {
  const s = norm.replace(/\s+/g, '');
  const patterns = [
    new RegExp(`[(]第?(${CODE})号(?:提案|建议|议案)?[)]`),
    new RegExp(`第(${CODE})号(?=提案|建议|议案|代表建议|[“《"])`),
    new RegExp(`[》”](${CODE})号(?:提案|建议|议案)`),
    new RegExp(`(?:提案|建议|议案)[:：]?第(${CODE})号`),
  ];
  for (const re of patterns) {
    const m = re.exec(s);
    if (m?.[1]) return m[1];
  }
  return null;
}
