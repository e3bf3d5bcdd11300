import { CN_DIGIT_CLASS, readChineseNumber, readDigitString } from './numerals';
import { isOrgName } from './org';
import type { Line } from './types';

const pad = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date, or null when the parts do not make a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Last day of a month, as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

const CN = `[${CN_DIGIT_CLASS}]`;
const CN_SMALL = '[一二三四五六七八九十〇零]';
const ARABIC = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const CHINESE = new RegExp(`^(${CN}{4})年(${CN_SMALL}{1,3}|\\d{1,2})月(${CN_SMALL}{1,4}|\\d{1,2})日$`);
const DASHED = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
/** Garbled: 2024619, 20211026, 2021716日, 2018年710, 202062. */
const GARBLED = /^(\d{4})年?(\d{2,4})日?$/;

/**
 * Reads month and day from digits whose separators were lost. Returns null when the
 * reading is ambiguous (e.g. 111 = 1-11 or 11-1) or impossible.
 */
function splitMonthDay(year: number, digits: string): string | null {
  if (digits.length === 2) return isoDate(year, Number(digits[0]), Number(digits[1]));
  if (digits.length === 4) return isoDate(year, Number(digits.slice(0, 2)), Number(digits.slice(2)));
  const a = digits[1] === '0' ? null : isoDate(year, Number(digits[0]), Number(digits.slice(1)));
  const b = isoDate(year, Number(digits.slice(0, 2)), Number(digits[2]));
  if (a && b) return null;
  return a ?? b;
}

/**
 * Reads a date written on its own: 2023年6月29日, 二○一二年六月十四日, 二0一七年五月二十六日,
 * 2024-05-28, and the garbled forms of the corpus (2024619, 2018年710, 2021716日).
 */
export function parseDateText(raw: string): string | null {
  const s = raw.replace(/\s+/g, '');
  let m = ARABIC.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CHINESE.exec(s);
  if (m) {
    const y = readDigitString(m[1] ?? '');
    const mo = readChineseNumber(m[2] ?? '');
    const d = readChineseNumber(m[3] ?? '');
    return y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
  }
  m = DASHED.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = GARBLED.exec(s);
  if (m) return splitMonthDay(Number(m[1]), m[2] ?? '');
  return null;
}

const DATE_LABEL = /^(?:[(]?(?:答复|回复|办理|签发|成文|发文)?(?:时间|日期)[)]?:)\s*/;
const TRAILING_DATE = new RegExp(
  `^(.*?)\\s+((?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)|(?:${CN}{4}年${CN_SMALL}{1,3}月${CN_SMALL}{1,4}日))$`,
);

export interface FoundDate {
  iso: string | null;
  lineIndex: number;
  /** Text before the date on the same line (a flattened signature), if any. */
  prefix: string | null;
}

/**
 * Finds the letter's own date: the last line that is a date and nothing else (or a unit
 * name followed by a date, as on flattened pages, or a `答复时间:` field). A line that
 * looks like a date but cannot be read (0二十六日) is reported with iso null.
 */
export function findLetterDate(lines: Line[], from = 0): FoundDate | null {
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i];
    if (!line) continue;
    const s = line.norm.replace(DATE_LABEL, '');
    const iso = parseDateText(s);
    if (iso) return { iso, lineIndex: i, prefix: null };
    const t = TRAILING_DATE.exec(s);
    if (t?.[1] && t[2] && isOrgName(t[1].trim().split(/\s+/).pop() ?? '')) {
      const at = line.norm.length - s.length;
      return { iso: parseDateText(t[2]), lineIndex: i, prefix: line.text.slice(at, at + t[1].length).trim() };
    }
    if (/^[\d〇○零一二三四五六七八九十年月]{2,12}日$/.test(s.replace(/\s+/g, ''))) {
      return { iso: null, lineIndex: i, prefix: null };
    }
  }
  return null;
}
