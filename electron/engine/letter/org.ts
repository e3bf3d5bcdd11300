/** Endings of the names of state organs and their units. */
const ORG_END =
  /(?:局|厅|委|委员会|政府|办公室|办事处|街道|部|院|中心|大队|支队|公司|分局|站|所|处|馆|会|室|队|镇|乡|集团|社|办|署|监狱|学校|医院|大学|学院|银行|法院|检察院|联合会|总工会|协会|商会|段|场|海关|机关|妇联|残联|文联|侨联|工商联|科协|社联)$/;

/** True when a line reads like the name of an issuing unit (signature or red header). */
export function isOrgName(norm: string): boolean {
  const s = norm.trim().replace(/\s*\(\s*盖\s*章\s*\)$/, '');
  if (s.length < 3 || s.length > 34) return false;
  if (/[,。:;!?“”《》、()"'\d]/.test(s)) return false;
  if (/^(?:此|特此|专此|感谢|谢谢|敬礼|此致|联系|抄送|注|关于|对)/.test(s)) return false;
  if (/届|会议|建议|提案|答复|复函/.test(s)) return false;
  return ORG_END.test(s.replace(/\s+/g, '').replace(/文件$/, ''));
}

/** The issuer written at the start of a page headline: `马关县交通运输局关于…`, `南宫市交通运输局 对…`. */
export function orgPrefix(norm: string): string | null {
  const m = /^([\u4e00-\u9fa5]{3,30}?)\s*(?:关于|对)/.exec(norm);
  if (!m?.[1]) return null;
  const name = m[1];
  if (/会议|政协|人大|年/.test(name)) return null;
  return isOrgName(name) ? name : null;
}
