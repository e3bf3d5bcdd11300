import { describe, expect, it } from 'vitest';
import { bigramField, hanRunTokens, normalizeForSearch, termPhrase } from './tokenizer';

describe('normalizeForSearch', () => {
  it('folds full-width ASCII and case without moving offsets', () => {
    const raw = 'ＡＢｃ１２３号Abc';
    const normalized = normalizeForSearch(raw);
    expect(normalized).toBe('abc123号abc');
    expect(normalized).toHaveLength(raw.length);
  });
});

describe('bigram tokens', () => {
  it('makes bigrams and the last character of each CJK run, digits and Latin whole', () => {
    expect(hanRunTokens('人才公寓')).toEqual(['人才', '才公', '公寓', '寓']);
    expect(bigramField('人才公寓，第018号ABC')).toBe('人才 才公 公寓 寓 第 018 号 abc');
  });
});

describe('termPhrase', () => {
  it('turns one CJK run into an exact bigram phrase', () => {
    expect(termPhrase('人才公寓')).toEqual({ fts: '"人才 才公 公寓"', exact: true });
    expect(termPhrase('人才')).toEqual({ fts: '"人才"', exact: true });
  });

  it('turns one character into a prefix query', () => {
    expect(termPhrase('寓')).toEqual({ fts: '"寓" *', exact: true });
  });

  it('keeps digits whole and marks mixed terms for checking against the text', () => {
    expect(termPhrase('018')).toEqual({ fts: '"018"', exact: true });
    expect(termPhrase('2024年度')).toEqual({ fts: '"2024 年度"', exact: false });
    expect(termPhrase('人才2024')).toEqual({ fts: '"人才 才 2024"', exact: false });
    expect(termPhrase('人才 公寓')).toEqual({ fts: '"人才" AND "公寓"', exact: false });
  });

  it('has nothing to match for punctuation only', () => {
    expect(termPhrase('，。')).toEqual({ fts: null, exact: false });
  });
});
