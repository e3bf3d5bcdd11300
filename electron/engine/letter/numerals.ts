const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  '0': 0,
  O: 0,
  o: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that may stand for a digit in a Chinese-numeral year (二〇二四, 二0一七, 二○一二). */
export const CN_DIGIT_CLASS = '零〇○0OoＯ一二两三四五六七八九';

/** Reads a digit-by-digit Chinese number such as 二〇二四 (also with ASCII digits mixed in). */
export function readDigitString(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const d = /\d/.test(ch) ? Number(ch) : DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return s.length > 0 ? n : null;
}

/** Reads a Chinese number below 1000 (十四, 二十六, 一百零八) or ASCII digits. */
export function readChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '') return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const ch of s) {
    if (ch === '百') {
      total += (seen ? current : 1) * 100;
      current = 0;
      seen = false;
    } else if (ch === '十') {
      total += (seen ? current : 1) * 10;
      current = 0;
      seen = false;
    } else {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      current = d;
      seen = true;
    }
  }
  return total + (seen ? current : 0);
}
