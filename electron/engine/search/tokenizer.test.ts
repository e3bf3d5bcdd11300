import { describe, expect, it } from 'vitest';
import { normalizeForSearch, segments } from './tokenizer';

describe('normalizeForSearch', () => {
  it('folds full-width ASCII and case without moving offsets', () => {
    const raw = 'ＡＢｃ１２３号Abc';
    const normalized = normalizeForSearch(raw);
    expect(normalized).toBe('abc123号abc');
    expect(normalized).toHaveLength(raw.length);
  });
});

describe('segments', () => {
  it('cuts normalised text into CJK, digit and Latin runs with their offsets', () => {
    expect(segments('人才公寓，第018号abc')).toEqual([
      { kind: 'han', text: '人才公寓', start: 0 },
      { kind: 'han', text: '第', start: 5 },
      { kind: 'digits', text: '018', start: 6 },
      { kind: 'han', text: '号', start: 9 },
      { kind: 'latin', text: 'abc', start: 10 },
    ]);
  });
});
