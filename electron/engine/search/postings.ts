/**
 * Doc-level postings and the set algebra search needs, on typed arrays.
 *
 * A posting is either a sorted list of document numbers or, once it holds at least one in 32 of the
 * documents (when a bitmap costs no more than the list), a bitmap. Documents are numbered in the order
 * they were added, so appending keeps a list sorted.
 */
export class Posting {
  /** Sorted document numbers (valid up to `length`), or null when this posting is a bitmap. */
  list: Uint32Array | null;
  bits: Uint32Array | null = null;
  /** How many documents (lists: entries) the posting holds. */
  length: number;
  /** A dense number of the n-gram within its order (gram-index.ts builds longer n-grams' keys on it). */
  id = 0;

  constructor(list: Uint32Array | null = new Uint32Array(4), length = 0, bits: Uint32Array | null = null) {
    this.list = list;
    this.length = length;
    this.bits = bits;
  }

  /** Adds a document number at least as large as every number already in the posting. */
  add(doc: number, documentCount: number): void {
    const bits = this.bits;
    if (bits) {
      const word = doc >>> 5;
      const mask = 1 << (doc & 31);
      if (word >= bits.length) this.growBits(word + 1);
      const target = this.bits as Uint32Array;
      if (((target[word] as number) & mask) === 0) {
        target[word] = (target[word] as number) | mask;
        this.length += 1;
      }
      return;
    }
    let list = this.list as Uint32Array;
    if (this.length > 0 && list[this.length - 1] === doc) return;
    if (this.length === list.length) {
      const grown = new Uint32Array(Math.max(4, list.length * 2));
      grown.set(list);
      list = grown;
      this.list = grown;
    }
    list[this.length] = doc;
    this.length += 1;
    if (this.length >= 256 && this.length * 32 >= documentCount) this.toBits(documentCount);
  }

  has(doc: number): boolean {
    if (this.bits) {
      const word = doc >>> 5;
      return word < this.bits.length && ((this.bits[word] as number) & (1 << (doc & 31))) !== 0;
    }
    return search(this.list as Uint32Array, 0, this.length, doc) >= 0;
  }

  /** The document numbers, sorted (a view for lists; decoded for bitmaps). */
  docs(): Uint32Array {
    if (this.bits) return bitsToDocs(this.bits, this.length);
    return (this.list as Uint32Array).subarray(0, this.length);
  }

  /** Bytes held (the typed arrays' lengths, not their slack). */
  get bytes(): number {
    return this.bits ? this.bits.byteLength : this.length * 4;
  }

  private growBits(words: number): void {
    const bits = this.bits as Uint32Array;
    const grown = new Uint32Array(Math.max(words, bits.length * 2));
    grown.set(bits);
    this.bits = grown;
  }

  private toBits(documentCount: number): void {
    const list = this.list as Uint32Array;
    const last = this.length > 0 ? (list[this.length - 1] as number) : 0;
    const bits = new Uint32Array(Math.max(Math.ceil(documentCount / 32), (last >>> 5) + 1));
    for (let i = 0; i < this.length; i += 1) {
      const doc = list[i] as number;
      bits[doc >>> 5] = (bits[doc >>> 5] as number) | (1 << (doc & 31));
    }
    this.bits = bits;
    this.list = null;
  }
}

/** Index of `id` in the sorted `ids`, or -1. */
export function indexOfId(ids: Uint32Array, id: number): number {
  return search(ids, 0, ids.length, id);
}

/** Index of `value` in the sorted `list[from, to)`, or -1. */
function search(list: Uint32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = list[middle] as number;
    if (at < value) low = middle + 1;
    else if (at > value) high = middle - 1;
    else return middle;
  }
  return -1;
}

/** The first index in sorted `list[from, to)` whose value is ≥ `value` (galloping from `from`). */
function gallop(list: Uint32Array, from: number, to: number, value: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < to && (list[high] as number) < value) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > to) high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function bitsToDocs(bits: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let n = 0;
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word] as number;
    while (value !== 0) {
      const low = value & -value;
      out[n] = (word << 5) + (31 - Math.clz32(low));
      n += 1;
      value ^= low;
    }
  }
  return n === count ? out : out.subarray(0, n);
}

/** Documents in every posting (sorted). An empty list of postings means nothing, not everything. */
export function intersectPostings(postings: Posting[]): Uint32Array {
  if (postings.length === 0) return new Uint32Array(0);
  const sorted = [...postings].sort((a, b) => a.length - b.length);
  const smallest = sorted[0] as Posting;
  if (smallest.length === 0) return new Uint32Array(0);
  if (smallest.bits && sorted.every((posting) => posting.bits)) {
    const words = Math.min(...sorted.map((posting) => (posting.bits as Uint32Array).length));
    const out = new Uint32Array(words);
    let count = 0;
    const first = smallest.bits;
    for (let word = 0; word < words; word += 1) {
      let value = first[word] as number;
      for (let k = 1; k < sorted.length && value !== 0; k += 1)
        value &= ((sorted[k] as Posting).bits as Uint32Array)[word] as number;
      out[word] = value;
      if (value !== 0) count += popcount(value);
    }
    return bitsToDocs(out, count);
  }
  let docs = smallest.docs();
  for (let k = 1; k < sorted.length; k += 1) docs = intersectSorted(docs, sorted[k] as Posting);
  return docs;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The sorted `docs` that `posting` holds. */
function intersectSorted(docs: Uint32Array, posting: Posting): Uint32Array {
  const out = new Uint32Array(docs.length);
  let n = 0;
  if (posting.bits) {
    const bits = posting.bits;
    for (let i = 0; i < docs.length; i += 1) {
      const doc = docs[i] as number;
      const word = doc >>> 5;
      if (word < bits.length && ((bits[word] as number) & (1 << (doc & 31))) !== 0) out[n++] = doc;
    }
    return out.subarray(0, n);
  }
  const list = posting.list as Uint32Array;
  const end = posting.length;
  let at = 0;
  for (let i = 0; i < docs.length && at < end; i += 1) {
    const doc = docs[i] as number;
    at = gallop(list, at, end, doc);
    if (at < end && list[at] === doc) out[n++] = doc;
  }
  return out.subarray(0, n);
}

/** a ∩ b over sorted unique arrays. */
export function intersectIds(a: Uint32Array, b: Uint32Array): Uint32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Uint32Array(small.length);
  let n = 0;
  let at = 0;
  for (let i = 0; i < small.length && at < large.length; i += 1) {
    const value = small[i] as number;
    at = gallop(large, at, large.length, value);
    if (at < large.length && large[at] === value) out[n++] = value;
  }
  return out.subarray(0, n);
}

/** a ∪ b over sorted unique arrays. */
export function unionIds(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out[n++] = x;
      i += 1;
    } else if (y < x) {
      out[n++] = y;
      j += 1;
    } else {
      out[n++] = x;
      i += 1;
      j += 1;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}

/** a \ b over sorted unique arrays. */
export function differenceIds(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length);
  let n = 0;
  let at = 0;
  for (let i = 0; i < a.length; i += 1) {
    const value = a[i] as number;
    at = gallop(b, at, b.length, value);
    if (!(at < b.length && b[at] === value)) out[n++] = value;
  }
  return out.subarray(0, n);
}

/** Sorted unique ids from any iterable of ids. */
export function sortedIds(ids: Iterable<number>): Uint32Array {
  const array = Uint32Array.from(ids);
  array.sort();
  let n = 0;
  for (let i = 0; i < array.length; i += 1)
    if (i === 0 || array[i] !== array[i - 1]) array[n++] = array[i] as number;
  return array.subarray(0, n);
}
