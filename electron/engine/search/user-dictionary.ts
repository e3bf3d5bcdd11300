import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterMeta } from './letter-meta';
import { normalizeForSearch } from './tokenizer';

/**
 * The archive's own jieba user dictionary: department names and proposer names learnt from the
 * letters, plus domain terms and the user's own, each with a real frequency (how many letters carry
 * it, scaled to jieba's dictionary counts) so that jieba keeps them whole. Written to the archive folder.
 */
export const USER_DICTIONARY_FILE = 'search-dict.utf8';

/** Terms jieba cuts apart but secretaries search whole. */
export const DOMAIN_TERMS = [
  '回头看',
  '达人英才卡',
  '人才公寓',
  '提案办理',
  '建议办理',
  '答复函',
  '会办单位',
  '主办单位',
];

/** Scale: jieba.dict.utf8 counts run to the tens of thousands for common words. */
const BASE_FREQUENCY = 2000;
const PER_LETTER = 50;

const KEEP = /^[\p{Script=Han}·]{2,20}$/u;
/** A dictionary line is "word frequency tag": a user's term has no spaces and no | or ; (file separators). */
const CUSTOM_KEEP = /^[^\s|;]{2,20}$/u;

export function dictionaryEntries(
  metas: Iterable<LetterMeta>,
  customTerms: string[] = [],
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string | null, tag: number) => {
    const trimmed = word?.trim() ?? '';
    if (!KEEP.test(trimmed)) return;
    counts.set(trimmed, (counts.get(trimmed) ?? 0) + tag);
  };
  for (const meta of metas) {
    add(meta.issuer, 1);
    for (const name of meta.coIssuers) add(name, 1);
    for (const name of meta.proposers) add(name, 1);
  }
  for (const term of DOMAIN_TERMS) add(term, 1);
  // The user's own terms may mix in digits and Latin letters (5G基站), normalised as search text is.
  for (const term of customTerms) {
    const key = normalizeForSearch(term.trim());
    if (CUSTOM_KEEP.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].map(([word, count]) => [word, BASE_FREQUENCY + PER_LETTER * count]));
}

export function dictionaryText(entries: Map<string, number>): string {
  return [...entries]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([word, frequency]) => `${word} ${frequency} nz`)
    .join('\n');
}

/** Writes the dictionary when it changed; returns its path and whether it changed. */
export function writeUserDictionary(dir: string, text: string): { path: string; changed: boolean } {
  const path = join(dir, USER_DICTIONARY_FILE);
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (previous === text) return { path, changed: false };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  return { path, changed: true };
}
