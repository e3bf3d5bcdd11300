/**
 * The user's own dictionary terms (设置 › 自定义词典): one term per line, kept whole by the word
 * segmenter. Shared by the settings screen (checks as the user types) and the hosts' argument schema.
 */
export const CUSTOM_TERM_MAX_LENGTH = 20;
export const CUSTOM_TERMS_MAX_COUNT = 5000;

/** No white space, no control characters, no '|' or ';' (the dictionary file's own separators). */
const FORBIDDEN = /[\s\p{Cc}\p{Cf}|;]/u;

/** Why a term cannot be used, in Chinese, or null when it can. */
export function customTermProblem(term: string): string | null {
  const length = [...term].length;
  if (length === 0) return '词语不能为空。';
  if (length > CUSTOM_TERM_MAX_LENGTH) return `「${term.slice(0, 24)}」超过 ${CUSTOM_TERM_MAX_LENGTH} 个字。`;
  if (FORBIDDEN.test(term)) return `「${term}」含有空格、控制字符或 | ; 符号，请删去或分成两行。`;
  return null;
}

export interface CustomTermsReading {
  /** The valid terms, in the order given, each once. */
  terms: string[];
  /** One Chinese message per line that cannot be used (with its line number). */
  problems: string[];
  /** How many lines repeated an earlier term (dropped). */
  duplicates: number;
}

/** Reads the text of the dictionary box: one term per line; blank lines are ignored. */
export function readCustomTerms(text: string): CustomTermsReading {
  const terms: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let duplicates = 0;
  text.split(/\r?\n/u).forEach((line, index) => {
    const term = line.trim();
    if (term === '') return;
    const problem = customTermProblem(term);
    if (problem) {
      problems.push(`第 ${index + 1} 行：${problem}`);
      return;
    }
    if (seen.has(term)) {
      duplicates += 1;
      return;
    }
    seen.add(term);
    terms.push(term);
  });
  if (terms.length > CUSTOM_TERMS_MAX_COUNT) {
    problems.push(`词语过多：最多 ${CUSTOM_TERMS_MAX_COUNT} 个，现有 ${terms.length} 个。`);
  }
  return { terms, problems, duplicates };
}
