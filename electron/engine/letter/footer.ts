import type { Line } from './types';

/**
 * A phone number as written: 0564-8621191, 0878—6034678, (0871)63125566, （0871）6312556,
 * 0871 6123456, 139-7351-2608, 11-digit mobiles, 7-digit local numbers.
 */
const PHONE =
  /(?:[(]\s*0\d{2,3}\s*[)]\s*|\d{3,4}\s*[-—─–~]{1,2}\s*|0\d{2,3}\s+(?=\d{7,8}(?!\d)))?\d{7,8}(?!\d)|1\d{2}[-\s]\d{4}[-\s]\d{4}(?!\d)|1\d{10}(?!\d)|\d{7,12}(?!\d)/;

const HANDLER = /(?:承\s*办\s*人|经\s*办\s*人)(?:及(?:联系)?电话)?\s*:/;
const CONTACT = /联\s*系\s*人(?:及(?:联系)?电话)?\s*:/;
const GARBLED_CONTACT = /^[(]?人\s*:/;
const NAME = /^\s*([\u4e00-\u9fa5·*＊](?:[\u4e00-\u9fa5·*＊]|\s{1,3}(?=[\u4e00-\u9fa5]))*)/;

function nameAfter(line: Line, labelEnd: number): string | null {
  const rest = line.norm.slice(labelEnd);
  const m = NAME.exec(rest);
  if (!m?.[1]) return null;
  let name = m[1];
  const cut = /\s*(?:联\s*系|电\s*话|手\s*机)/.exec(name);
  if (cut) name = name.slice(0, cut.index);
  name = name.replace(/\s*同志$/, '');
  const squeezed = name.replace(/\s+/g, '');
  const max = /·/.test(squeezed) ? 12 : 5;
  if (squeezed.length < 2 || squeezed.length > max) return null;
  const at = labelEnd + rest.indexOf(m[1]);
  return line.text.slice(at, at + name.length).trim();
}

/**
 * The contact person: 承办人/经办人 when the footer names one (承办负责人 is the head, not the
 * contact), else 联系人, else the garbled `人:李佳卓`. `联系单位:` names a unit, not a person.
 */
export function findContact(lines: Line[]): string | null {
  for (const re of [HANDLER, CONTACT, GARBLED_CONTACT]) {
    for (const line of lines) {
      const m = re.exec(line.norm);
      if (!m) continue;
      const name = nameAfter(line, m.index + m[0].length);
      if (name) return name;
    }
  }
  return null;
}

/** The phone number as written after 联系电话 / 联系人及电话 / 承办人及联系电话 / 经办人及电话. */
export function findPhone(lines: Line[]): string | null {
  for (const line of lines) {
    const label = /电\s*话|手\s*机|联系方式|联\s*系\s*人|[承经]\s*办\s*人/.exec(line.norm);
    if (!label) continue;
    const rest = line.norm.slice(label.index);
    const m = PHONE.exec(rest);
    if (!m) continue;
    const at = label.index + m.index;
    return line.text.slice(at, at + m[0].length).trim();
  }
  return null;
}

/** Recipients of 抄送 / 抄报 / 送: split on 、 , and blanks. */
export function findCc(lines: Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = /^(?:抄\s*送|抄\s*报|送)\s*:\s*/.exec(line.norm);
    if (!m) continue;
    const rest = line.text.slice(m[0].length);
    for (const part of rest.split(/[、,，;；\s]+/)) {
      const v = part.replace(/[。.]+$/, '').trim();
      if (v) out.push(v);
    }
  }
  return out;
}
