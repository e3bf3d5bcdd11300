import { describe, expect, it } from 'vitest';
import { Random } from '../../../bench/random';
import { GramIndex } from './gram-index';
import { decodeGrams, encodeGrams } from './gram-store';
import { differenceIds, intersectIds, intersectPostings, Posting, sortedIds, unionIds } from './postings';
import { normalizeForSearch } from './tokenizer';

/** Letter ids (sorted) of the letters whose text contains the term verbatim. */
function truth(texts: Map<number, string>, term: string): number[] {
  const needle = normalizeForSearch(term);
  return [...texts]
    .filter(([, text]) => normalizeForSearch(text).includes(needle))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

/** What search does with a plan: the postings' letters, checked against the text when not exact. */
function find(index: GramIndex, texts: Map<number, string>, term: string): number[] {
  const plan = index.plan(term);
  if (plan === null) return truth(texts, term);
  const ids = [...index.lettersOf(plan)];
  if (plan.exact) return ids;
  const needle = normalizeForSearch(term);
  return ids.filter((id) => normalizeForSearch(texts.get(id) ?? '').includes(needle));
}

const CHARS = '人才公寓乡村振兴营商环境基层治理教育交通的了在是';

function randomTexts(random: Random, count: number, from = 1): Map<number, string> {
  const texts = new Map<number, string>();
  for (let id = from; id < from + count; id += 1) {
    let text = '';
    const length = random.int(20, 200);
    for (let i = 0; i < length; i += 1) {
      text += random.chance(0.05)
        ? random.pick(['，', '，2024，', '，018，', '，ABC，', '\n'])
        : random.pick([...CHARS]);
    }
    texts.set(id, text);
  }
  return texts;
}

function sampleTerms(random: Random, texts: Map<number, string>, count: number): string[] {
  const list = [...texts.values()];
  const out: string[] = [];
  while (out.length < count) {
    const text = random.pick(list);
    const length = random.int(1, 7);
    const start = random.int(0, Math.max(0, text.length - length));
    const term = text.slice(start, start + length).trim();
    if (term !== '') out.push(term);
  }
  return out;
}

function indexOf(texts: Map<number, string>): GramIndex {
  const index = new GramIndex();
  for (const [id, text] of texts) index.add(id, `s${id}`, text);
  return index;
}

describe('GramIndex', () => {
  it('answers 1–4 character CJK terms exactly from one posting, and longer ones as candidates', () => {
    const index = indexOf(new Map([[1, '人才公寓建设']]));
    expect(index.plan('人才公寓')?.exact).toBe(true);
    expect(index.plan('才')?.exact).toBe(true);
    expect(index.plan('人才公寓建')?.exact).toBe(false);
    expect(index.plan('人才2024')?.exact).toBe(false);
    expect(index.plan('，。')).toBeNull();
  });

  it('finds every letter containing a term, and only those, over many random letters (bitmaps too)', () => {
    const random = new Random(3);
    const texts = randomTexts(random, 700);
    const index = indexOf(texts);
    for (const term of sampleTerms(random, texts, 300)) {
      // Digit and Latin runs are whole tokens: a term must not cut one.
      if (/^[0-9a-z]|[0-9a-z]$/iu.test(term) && !/^(2024|018|abc)$/iu.test(term)) continue;
      expect(find(index, texts, term), term).toEqual(truth(texts, term));
    }
  });

  it('forgets removed letters, re-indexes replaced ones, and compacts without changing answers', () => {
    const random = new Random(4);
    const texts = randomTexts(random, 300);
    const index = indexOf(texts);
    for (let id = 1; id <= 300; id += 3) {
      index.remove(id);
      texts.delete(id);
    }
    for (let id = 2; id <= 300; id += 5) {
      const text = `瀚海星图${id}号${texts.get(id) ?? ''}`;
      texts.set(id, text);
      index.add(id, `t${id}`, text);
    }
    const terms = ['瀚海星图', '人才', '公寓建', '的', ...sampleTerms(random, texts, 100)].filter(
      (term) => !/^[0-9a-z]|[0-9a-z]$/iu.test(term),
    );
    const before = terms.map((term) => find(index, texts, term));
    index.compact();
    expect(terms.map((term) => find(index, texts, term))).toEqual(before);
    expect(terms.map((term) => truth(texts, term))).toEqual(before);
    expect(index.stampOf(2)).toBe('t2');
    expect(index.stampOf(1)).toBeUndefined();
  });

  it('round-trips through its binary form, then keeps growing', () => {
    const random = new Random(5);
    const texts = randomTexts(random, 400);
    const index = indexOf(texts);
    const loaded = GramIndex.fromSections(decodeGrams(encodeGrams(index.sections())));
    const terms = sampleTerms(random, texts, 120).filter((term) => !/^[0-9a-z]|[0-9a-z]$/iu.test(term));
    for (const term of terms) expect(find(loaded, texts, term), term).toEqual(truth(texts, term));
    texts.set(1000, '新增的瀚海星图计划，编号7788，代号XY');
    loaded.add(1000, 'n', texts.get(1000) as string);
    expect(find(loaded, texts, '瀚海星图')).toEqual([1000]);
    expect(find(loaded, texts, '的')).toEqual(truth(texts, '的'));
    // Saved again (tokens loaded but never looked up are carried over as they were) and loaded again.
    const again = GramIndex.fromSections(decodeGrams(encodeGrams(loaded.sections())));
    for (const term of [...terms, '瀚海星图', '7788', 'xy', '2024', '018', 'abc']) {
      expect(find(again, texts, term), term).toEqual(find(loaded, texts, term));
    }
    expect(find(again, texts, '7788')).toEqual([1000]);
    expect(find(again, texts, '2024')).toEqual(truth(texts, '2024'));
  });
});

describe('postings', () => {
  it('intersect, unite and subtract like sets, for lists and bitmaps', () => {
    const random = new Random(6);
    for (let round = 0; round < 20; round += 1) {
      const documents = random.int(50, 3000);
      const make = (share: number) => {
        const posting = new Posting();
        const docs: number[] = [];
        for (let doc = 0; doc < documents; doc += 1) {
          if (random.chance(share)) {
            posting.add(doc, documents);
            docs.push(doc);
          }
        }
        return { posting, docs };
      };
      const a = make(random.chance(0.5) ? 0.5 : 0.01);
      const b = make(random.chance(0.5) ? 0.4 : 0.02);
      const inB = new Set(b.docs);
      expect([...intersectPostings([a.posting, b.posting])]).toEqual(a.docs.filter((doc) => inB.has(doc)));
      const x = sortedIds(a.docs);
      const y = sortedIds(b.docs);
      expect([...intersectIds(x, y)]).toEqual(a.docs.filter((doc) => inB.has(doc)));
      expect([...unionIds(x, y)]).toEqual([...new Set([...a.docs, ...b.docs])].sort((p, q) => p - q));
      expect([...differenceIds(x, y)]).toEqual(a.docs.filter((doc) => !inB.has(doc)));
      expect(a.posting.has(a.docs[0] ?? -1)).toBe(a.docs.length > 0);
    }
  });
});
