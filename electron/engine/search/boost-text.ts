import { GramIndex } from './gram-index';
import type { LetterMeta } from './letter-meta';
import { normalizeForSearch } from './tokenizer';

/** Where a term found in a letter's short fields lifts it in relevance. */
export const BOOST = { title: 10, proposalTitle: 8, name: 3 } as const;

/** The letters a term lifts (ascending ids) and by how much each. */
export interface BoostHits {
  ids: Uint32Array;
  boosts: Float64Array;
}

/** The short fields, in the order of their documents (letter id × 4 + field). */
const FIELDS = [
  { weight: BOOST.title, value: (meta: LetterMeta) => meta.titleKey },
  { weight: BOOST.proposalTitle, value: (meta: LetterMeta) => meta.proposalTitleKey },
  // \u0001 keeps two names apart (no n-gram spans it).
  {
    weight: BOOST.name,
    value: (meta: LetterMeta) => normalizeForSearch([...meta.proposers, meta.issuer ?? ''].join('\u0001')),
  },
] as const;

const sameFields = (a: LetterMeta, b: LetterMeta): boolean =>
  FIELDS.every((field) => field.value(a) === field.value(b));

/**
 * Which letters have a term in their short fields (title, proposal title, proposers and issuer): an
 * n-gram index of its own (gram-index.ts) with one document per letter and field. Scanning every
 * letter's fields for each new term took 3–10 ms at 100,000 letters; the postings answer in 0.1–1 ms.
 * The index is built in background steps after the letters load (about 27 µs a letter); until then,
 * and for a term without any CJK, digit or Latin character, the fields are scanned.
 */
export class BoostIndex {
  private grams = new GramIndex();
  /** The letters as indexed. */
  private readonly indexed = new Map<number, LetterMeta>();
  /** Letters still to index (the first build, in steps). */
  private readonly pending = new Map<number, LetterMeta>();
  private built = false;

  /** Whether every letter is indexed (else boosts scan). */
  get ready(): boolean {
    return this.built && this.pending.size === 0;
  }

  /** A letter is new or changed: indexed now once the first build is done, else queued for it. */
  set(meta: LetterMeta): void {
    const before = this.indexed.get(meta.id);
    if (before && sameFields(before, meta)) {
      this.indexed.set(meta.id, meta);
      return;
    }
    if (this.built) this.index(meta);
    else this.pending.set(meta.id, meta);
  }

  remove(id: number): void {
    this.pending.delete(id);
    if (!this.indexed.delete(id)) return;
    for (let field = 0; field < FIELDS.length; field += 1) this.grams.remove(id * 4 + field);
  }

  /** Indexes queued letters for about `budgetMs`; the first build is done when none is left. */
  step(budgetMs: number): void {
    const started = performance.now();
    for (const [id, meta] of this.pending) {
      this.pending.delete(id);
      this.index(meta);
      if (performance.now() - started >= budgetMs) break;
    }
    if (this.pending.size === 0) this.built = true;
    if (this.grams.wasteful) this.grams.compact();
  }

  /** The letters one normalised term lifts, and by how much (a field counts once per letter). */
  boosts(needle: string, letters: Iterable<LetterMeta>): BoostHits {
    const plan = needle === '' || !this.ready ? null : this.grams.plan(needle);
    if (plan === null) return scanBoosts(needle, letters);
    const docs = this.grams.lettersOf(plan);
    const ids = new Uint32Array(docs.length);
    const boosts = new Float64Array(docs.length);
    let n = 0;
    for (let i = 0; i < docs.length; i += 1) {
      const doc = docs[i] as number;
      const id = Math.floor(doc / 4);
      const field = FIELDS[doc % 4] as (typeof FIELDS)[number];
      if (!plan.exact) {
        const meta = this.indexed.get(id);
        if (!meta || !field.value(meta).includes(needle)) continue;
      }
      // Documents ascend, so a letter's fields come one after another.
      if (n > 0 && ids[n - 1] === id) boosts[n - 1] = (boosts[n - 1] as number) + field.weight;
      else {
        ids[n] = id;
        boosts[n++] = field.weight;
      }
    }
    return { ids: ids.subarray(0, n), boosts: boosts.subarray(0, n) };
  }

  private index(meta: LetterMeta): void {
    this.indexed.set(meta.id, meta);
    FIELDS.forEach((field, index) => {
      const value = field.value(meta);
      if (value === '') this.grams.remove(meta.id * 4 + index);
      else this.grams.add(meta.id * 4 + index, '', value);
    });
  }
}

/** The same answer by scanning every letter's fields (before the index is built). */
function scanBoosts(needle: string, letters: Iterable<LetterMeta>): BoostHits {
  if (needle === '') return { ids: new Uint32Array(0), boosts: new Float64Array(0) };
  const found: Array<[number, number]> = [];
  for (const meta of letters) {
    let boost = 0;
    for (const field of FIELDS) if (field.value(meta).includes(needle)) boost += field.weight;
    if (boost > 0) found.push([meta.id, boost]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return {
    ids: Uint32Array.from(found, ([id]) => id),
    boosts: Float64Array.from(found, ([, boost]) => boost),
  };
}
