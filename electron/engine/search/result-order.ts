import type { LetterMeta } from './letter-meta';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, then the larger id. */
export function byDate(a: LetterMeta, b: LetterMeta): number {
  return compare(b.date ?? '', a.date ?? '') || b.id - a.id;
}

/** By proposal number (letters without one last), then session, then id. */
export function byNumber(a: LetterMeta, b: LetterMeta): number {
  return (
    Number(a.proposalKey === null) - Number(b.proposalKey === null) ||
    compare(a.proposalKey ?? '', b.proposalKey ?? '') ||
    compare(a.sessionKey ?? '', b.sessionKey ?? '') ||
    a.id - b.id
  );
}

/** Every letter in one order, and each letter's rank in it (indexed by id), for picking pages fast. */
export interface LetterOrder {
  ids: Uint32Array;
  rank: Int32Array;
}

/** Newest first, then the larger id: sorted as packed numbers (date as YYYYMMDD, then id). */
export function dateOrder(metas: readonly LetterMeta[]): LetterOrder {
  const keys = new Float64Array(metas.length);
  let maxId = 0;
  for (let index = 0; index < metas.length; index += 1) {
    const meta = metas[index] as LetterMeta;
    const date = meta.date ?? '';
    // Packing keeps the string order only for YYYY, YYYY-MM and YYYY-MM-DD (and ids below 2^27).
    if ((date !== '' && !DATE.test(date)) || meta.id >= 134217728) return letterOrder(metas, byDate);
    keys[index] = (date === '' ? 0 : Number(date.replace(/-/gu, '').padEnd(8, '0'))) * 134217728 + meta.id;
    if (meta.id > maxId) maxId = meta.id;
  }
  keys.sort();
  const rank = new Int32Array(maxId + 1).fill(-1);
  const ids = new Uint32Array(metas.length);
  for (let i = 0; i < keys.length; i += 1) {
    const id = (keys[keys.length - 1 - i] as number) % 134217728;
    ids[i] = id;
    rank[id] = i;
  }
  return { ids, rank };
}

export function letterOrder(metas: Iterable<LetterMeta>, compareMetas: typeof byDate): LetterOrder {
  const list = [...metas].sort(compareMetas);
  const maxId = list.reduce((max, meta) => Math.max(max, meta.id), 0);
  const rank = new Int32Array(maxId + 1).fill(-1);
  const ids = new Uint32Array(list.length);
  list.forEach((meta, index) => {
    ids[index] = meta.id;
    rank[meta.id] = index;
  });
  return { ids, rank };
}

/**
 * The first `count` of `ids` (sorted unique letter ids) in `order`, skipping `skip`: walks the global
 * order when the result is a good share of the archive, else sorts the result by rank.
 */
export function firstInOrder(
  ids: Uint32Array,
  order: LetterOrder,
  count: number,
  skip: { has(id: number): boolean },
): number[] {
  const out: number[] = [];
  if (count <= 0 || ids.length === 0) return out;
  if (ids.length * 8 >= order.ids.length) {
    const inResult = new Uint8Array(order.rank.length);
    for (let i = 0; i < ids.length; i += 1) inResult[ids[i] as number] = 1;
    for (let i = 0; i < order.ids.length && out.length < count; i += 1) {
      const id = order.ids[i] as number;
      if (inResult[id] === 1 && !skip.has(id)) out.push(id);
    }
    return out;
  }
  const ranks = new Int32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] as number;
    if (!skip.has(id) && id < order.rank.length && (order.rank[id] as number) >= 0)
      ranks[n++] = order.rank[id] as number;
  }
  const sorted = ranks.subarray(0, n).sort();
  for (let i = 0; i < sorted.length && out.length < count; i += 1)
    out.push(order.ids[sorted[i] as number] as number);
  return out;
}
