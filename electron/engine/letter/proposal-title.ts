export interface Span {
  start: number;
  end: number;
}

/** Cuts a quoted title at a number glued inside it: `…粮食安全(第25号提案`. */
function trimInner(norm: string, start: number, end: number): Span | null {
  let e = end;
  const num = /[(]第?\s*[A-Z]*\d+\s*号/.exec(norm.slice(start, e));
  if (num) e = start + num.index;
  let s = start;
  while (s < e && /\s/.test(norm[s] ?? '')) s++;
  while (e > s && /\s/.test(norm[e - 1] ?? '')) e--;
  return e - s >= 2 ? { start: s, end: e } : null;
}

/**
 * The proposal title inside 《》 or “” in a receipt sentence, when the quote follows the
 * act of proposing (提出的《…》, 所提的“…”, 题为《…》, 第4号“…”, 关于“…”的建议).
 * An unclosed 《 is cut after 建议/提案.
 */
export function quotedProposalTitle(norm: string): Span | null {
  const re = /[《“"]/g;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const open = m.index;
    const lead = norm.slice(Math.max(0, open - 14), open);
    const clause = lead.slice(Math.max(...[',', '。', ';', ':', '!'].map((c) => lead.lastIndexOf(c))) + 1);
    if (!/提|题为|关于|号|收到|[您你]们?的$/.test(clause)) continue;
    // a quote inside a phrase (关于加强农村集体“三资”管理的建议) is not the title
    if (open > 0 && !/[的了出提为号于议案:,、《“\s]/.test(norm[open - 1] ?? '')) continue;
    const closeChar = m[0] === '《' ? '》' : m[0] === '“' ? '”' : '"';
    const close = norm.indexOf(closeChar, open + 1);
    const lineEnd = norm.length;
    if (close > open) {
      // doubled form 关于“关于X”的建议: the quoted content
      return trimInner(norm, open + 1, close);
    }
    if (m[0] === '《') {
      const cut = /建议|提案|议案/.exec(norm.slice(open + 1, lineEnd));
      if (cut) return trimInner(norm, open + 1, open + 1 + cut.index + cut[0].length);
    }
  }
  return null;
}

/** The bare `关于…的建议/提案` phrase as it stands in the receipt sentence. */
export function bareProposalTitle(norm: string): Span | null {
  const m =
    /(?:提出|所提|提)(?:的|了)?(关于[^。;:!?《》]{2,80}?(?:建议|提案|议案))(?=收悉|已收悉|已|提出|[(),。]|$|交|转|的|办理|答复|回复|现)/.exec(
      norm,
    );
  if (!m?.[1]) return null;
  const start = m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}

/**
 * The proposal title named in the letter's title: in 《》 (before or after the answer word),
 * or the bare subject `对区九届人大三次会议关于加强宠物管理…建议的答复`.
 */
export function proposalTitleInTitle(norm: string): Span | null {
  const q = /《([^》]{2,})》/.exec(norm) ?? /号[“"]([^”"]{2,})[”"]/.exec(norm);
  if (q?.[1]) {
    const start = q.index + q[0].indexOf(q[1]);
    return trimInner(norm, start, start + q[1].length);
  }
  const m = /会议(关于[^《》]{2,80}?(?:建议|提案))的?(?:答复|回复|复函)/.exec(norm);
  if (m?.[1] && !/号/.test(m[1])) {
    const start = m.index + 2;
    return { start, end: start + m[1].length };
  }
  return null;
}
