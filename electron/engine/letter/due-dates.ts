import { endOfMonth, isoDate } from './dates';
import { readChineseNumber } from './numerals';

const MONTH = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

function addYears(iso: string, years: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]) + years;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isoDate(y, mo, d) ?? endOfMonth(y, mo);
}

function yearOf(letterDate: string | null, fallbackYear: number | null): number | null {
  const m = letterDate ? /^(\d{4})/.exec(letterDate) : null;
  return m ? Number(m[1]) : fallbackYear;
}

function month(s: string | undefined): number | null {
  const n = s === undefined ? null : readChineseNumber(s);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/**
 * The due date a commitment's words imply, relative to the letter's date (or its year):
 * 2025年6月(底)前 → 2025-06-30; 今年X月前 / X月底前 → last day of that month; 年底前 / 年内 /
 * 下半年 → 12-31; 上半年 → 06-30; 明年 → next year's 12-31; 力争1年内 / 一年内 → date + 1 year;
 * 两年内 → + 2 years. Null when the words imply no date or the reference is unknown.
 */
export function dueDateFor(
  text: string,
  letterDate: string | null,
  fallbackYear: number | null = null,
): string | null {
  const s = text.replace(/\s+/g, '');
  const year = yearOf(letterDate, fallbackYear);

  const explicit = new RegExp(`(\\d{4})年${MONTH}月(?:底|末|份)?(?:前|之前|以前)`).exec(s);
  if (explicit) {
    const mo = month(explicit[2]);
    if (mo) return endOfMonth(Number(explicit[1]), mo);
  }
  const explicitYear = /(\d{4})年(?:底|末)?(?:前|之前|以前|内)/.exec(s);
  if (explicitYear) return `${explicitYear[1]}-12-31`;

  const within = /(?:力争|争取|计划|预计)?(?:通过)?([一二两三四五1-5])(?:个)?年(?:内|时间|之内|左右)/.exec(s);
  if (within) {
    const n = readChineseNumber(within[1] === '两' ? '二' : (within[1] ?? ''));
    if (n && letterDate) return addYears(letterDate, n);
    return null;
  }
  if (year === null) return null;

  const nextYearMonth = new RegExp(`明年${MONTH}月(?:底|末|份)?(?:前|之前|以前)`).exec(s);
  if (nextYearMonth) {
    const mo = month(nextYearMonth[1]);
    if (mo) return endOfMonth(year + 1, mo);
  }
  const thisMonth = new RegExp(`(?:今年|本年)?${MONTH}月(?:底|末|份)?(?:前|之前|以前)`).exec(s);
  if (thisMonth) {
    const mo = month(thisMonth[1]);
    if (mo) return endOfMonth(year, mo);
  }
  if (/年底前|年底|年内|年末|今年内|本年度内|下半年/.test(s) && !/明年/.test(s)) return `${year}-12-31`;
  if (/上半年/.test(s) && !/明年/.test(s)) return `${year}-06-30`;
  if (/明年上半年/.test(s)) return `${year + 1}-06-30`;
  if (/明年/.test(s)) return `${year + 1}-12-31`;
  return null;
}
