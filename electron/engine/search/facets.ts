import type { FacetCount, FacetName } from '../../../shared/domain';
import type { LetterMeta } from './letter-meta';
import { differenceIds } from './postings';

/** Values per facet are ranked below this (2^21); a count times it stays an exact double. */
const RANKS = 2097152;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NAMES: FacetName[] = ['department', 'session', 'year', 'category', 'topic', 'tag', 'kind'];
/** The facets with one value per letter (tags may be several). */
const SINGLE = ['department', 'session', 'year', 'category', 'topic', 'kind'] as const;
export type SingleFacet = (typeof SINGLE)[number];

function valueOf(meta: LetterMeta, name: SingleFacet): string | null {
  const value =
    name === 'department'
      ? meta.issuer
      : name === 'session'
        ? meta.session
        : name === 'year'
          ? meta.year
          : name === 'category'
            ? meta.category
            : name === 'topic'
              ? meta.topic
              : meta.kind;
  return value === null || value === '' ? null : String(value);
}

/**
 * Each letter's facet values, interned to small integers in typed arrays indexed by letter id, so that
 * counting a result of 100,000 letters is array increments, not string-keyed map updates.
 */
export class FacetTable {
  private readonly codes = new Map<FacetName, Map<string, number>>(NAMES.map((name) => [name, new Map()]));
  private readonly values = new Map<FacetName, string[]>(NAMES.map((name) => [name, []]));
  /** Per single-valued facet: code + 1 per letter id (0: none). */
  private columns: Int32Array[] = SINGLE.map(() => new Int32Array(1024));
  private readonly tags = new Map<number, number[]>();
  private readonly ranks = new Map<FacetName, Int32Array>();
  private readonly byRank = new Map<FacetName, Int32Array>();
  /** All letters' counts (see count), for the list of every letter they were counted over. */
  private totals: { all: Uint32Array; counts: Int32Array[] } | null = null;

  /** Prepares the value orders now (a background step), so that the next count need not. */
  warm(): void {
    for (const name of NAMES) this.alphabetical(name);
  }

  set(meta: LetterMeta): void {
    this.totals = null;
    this.ensure(meta.id);
    SINGLE.forEach((name, facet) => {
      const value = valueOf(meta, name);
      (this.columns[facet] as Int32Array)[meta.id] = value === null ? 0 : this.code(name, value) + 1;
    });
    if (meta.tags.length > 0)
      this.tags.set(
        meta.id,
        meta.tags.map((tag) => this.code('tag', tag)),
      );
    else this.tags.delete(meta.id);
  }

  delete(id: number): void {
    this.totals = null;
    if (id < (this.columns[0] as Int32Array).length) for (const column of this.columns) column[id] = 0;
    this.tags.delete(id);
  }

  /** Letter ids (ascending) whose value of a single-valued facet passes `test`. */
  idsWhere(name: SingleFacet, test: (value: string) => boolean): Uint32Array {
    const values = this.values.get(name) as string[];
    const passes = new Uint8Array(values.length + 1);
    values.forEach((value, code) => {
      passes[code + 1] = test(value) ? 1 : 0;
    });
    const column = this.columns[SINGLE.indexOf(name)] as Int32Array;
    let n = 0;
    for (let id = 0; id < column.length; id += 1) n += passes[column[id] as number] as number;
    const ids = new Uint32Array(n);
    n = 0;
    for (let id = 0; id < column.length; id += 1) if (passes[column[id] as number] === 1) ids[n++] = id;
    return ids;
  }

  /**
   * Counts per value of each facet over the letters `ids` (ascending), most frequent first (at most
   * `top` each). Given every letter (`all`, ascending), a result of more than half of them is counted
   * as all the letters' counts (kept until the letters change) minus those of the letters it lacks:
   * a word in every letter costs nothing to count.
   */
  count(ids: Uint32Array, all?: Uint32Array, top = 100): Record<FacetName, FacetCount[]> {
    const complement = all !== undefined && ids.length * 2 > all.length;
    const counted = complement ? differenceIds(all, ids) : ids;
    const totals = complement ? this.totalsOf(all) : null;
    const out = {} as Record<FacetName, FacetCount[]>;
    SINGLE.forEach((name, facet) => {
      const counts = new Int32Array((this.values.get(name) as string[]).length + 1);
      countColumn(this.columns[facet] as Int32Array, counted, counts);
      if (totals) subtractFrom(totals[facet] as Int32Array, counts);
      out[name] = this.list(name, counts, 1, top);
    });
    const tagCounts = new Int32Array((this.values.get('tag') as string[]).length);
    if (this.tags.size > 0) {
      for (let i = 0; i < counted.length; i += 1) {
        const codes = this.tags.get(counted[i] as number);
        if (codes) for (const code of codes) tagCounts[code] = (tagCounts[code] as number) + 1;
      }
      if (totals) subtractFrom(totals[SINGLE.length] as Int32Array, tagCounts);
    }
    out.tag = this.list('tag', tagCounts, 0, top);
    return out;
  }

  /** Every letter's counts per facet (the single ones, then tags), kept for this very list of letters. */
  private totalsOf(all: Uint32Array): Int32Array[] {
    if (this.totals?.all === all) return this.totals.counts;
    const counts = SINGLE.map((name, facet) => {
      const column = new Int32Array((this.values.get(name) as string[]).length + 1);
      countColumn(this.columns[facet] as Int32Array, all, column);
      return column;
    });
    const tags = new Int32Array((this.values.get('tag') as string[]).length);
    for (const codes of this.tags.values()) for (const code of codes) tags[code] = (tags[code] as number) + 1;
    counts.push(tags);
    this.totals = { all, counts };
    return counts;
  }

  /**
   * The values with a count, most frequent first, ties by value, at most `top`: sorted as packed
   * numbers (count, then the value's alphabetical rank), so no object is made for values not shown.
   */
  private list(name: FacetName, counts: Int32Array, shift: number, top: number): FacetCount[] {
    const values = this.values.get(name) as string[];
    const rank = this.alphabetical(name);
    const keys: number[] = [];
    for (let code = shift; code < counts.length; code += 1) {
      const count = counts[code] as number;
      if (count > 0) keys.push(count * RANKS + (RANKS - 1 - (rank[code - shift] as number)));
    }
    const packed = Float64Array.from(keys).sort();
    const byRank = this.byRank.get(name) as Int32Array;
    const list: FacetCount[] = [];
    for (let i = packed.length - 1; i >= 0 && list.length < top; i -= 1) {
      const key = packed[i] as number;
      const count = Math.floor(key / RANKS);
      const code = byRank[RANKS - 1 - (key - count * RANKS)] as number;
      list.push({ value: values[code] as string, count });
    }
    return list;
  }

  /** Each value's rank in alphabetical (code unit) order, recomputed when values were added. */
  private alphabetical(name: FacetName): Int32Array {
    const values = this.values.get(name) as string[];
    const cached = this.ranks.get(name);
    if (cached && cached.length === values.length) return cached;
    const order = values
      .map((_, code) => code)
      .sort((a, b) => compare(values[a] as string, values[b] as string));
    const rank = new Int32Array(values.length);
    const byRank = new Int32Array(values.length);
    order.forEach((code, index) => {
      rank[code] = index;
      byRank[index] = code;
    });
    this.ranks.set(name, rank);
    this.byRank.set(name, byRank);
    return rank;
  }

  private code(name: FacetName, value: string): number {
    const codes = this.codes.get(name) as Map<string, number>;
    let code = codes.get(value);
    if (code === undefined) {
      const values = this.values.get(name) as string[];
      code = values.length;
      values.push(value);
      codes.set(value, code);
    }
    return code;
  }

  private ensure(id: number): void {
    const size = (this.columns[0] as Int32Array).length;
    if (id < size) return;
    let grown = size;
    while (grown <= id) grown *= 2;
    this.columns = this.columns.map((column) => {
      const next = new Int32Array(grown);
      next.set(column);
      return next;
    });
  }
}

/** counts[column[id]] += 1 for every id: one monomorphic loop (the hot part of counting). */
function countColumn(column: Int32Array, ids: Uint32Array, counts: Int32Array): void {
  for (let i = 0; i < ids.length; i += 1) {
    const code = column[ids[i] as number] as number;
    counts[code] = (counts[code] as number) + 1;
  }
}

/** counts = totals − counts, in place. */
function subtractFrom(totals: Int32Array, counts: Int32Array): void {
  for (let code = 0; code < counts.length; code += 1) {
    counts[code] = (code < totals.length ? (totals[code] as number) : 0) - (counts[code] as number);
  }
}
