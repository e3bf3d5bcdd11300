import { indexOfId } from './postings';
import type { LetterOrder } from './result-order';

/**
 * Scores summed by letter id while ranking, and the ids touched: shared, and zeroed after each use, so
 * that no array the size of the archive is allocated per search.
 */
let scratch = new Float64Array(1024);
let touched = new Uint32Array(1024);

function grown<T extends Float64Array | Uint32Array>(array: T, size: number, make: (length: number) => T): T {
  if (size <= array.length) return array;
  const next = make(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Relevance scores of the letters that have any: ids ascending and their scores, in typed arrays. A
 * Map of tens of thousands of entries was the slowest part of ranking a common word at 100,000
 * letters, and an array indexed by id allocated per search is megabytes outside the heap, which make
 * the garbage collector run its full collections (long on a big heap) sooner. Every score added is
 * positive, so a letter is scored exactly when its score is above 0.
 */
export class ScoreTable {
  private constructor(
    private readonly ids: Uint32Array,
    private readonly scores: Float64Array,
  ) {}

  static empty(): ScoreTable {
    return new ScoreTable(new Uint32Array(0), new Float64Array(0));
  }

  /** Sums the scores `fill` adds (id, score > 0) into a table. */
  static sum(fill: (add: (id: number, score: number) => void) => void): ScoreTable {
    let count = 0;
    fill((id, score) => {
      if (score <= 0) return;
      if (id >= scratch.length) scratch = grown(scratch, id + 1, (length) => new Float64Array(length));
      if ((scratch[id] as number) === 0) {
        if (count >= touched.length) touched = grown(touched, count + 1, (length) => new Uint32Array(length));
        touched[count++] = id;
      }
      scratch[id] = (scratch[id] as number) + score;
    });
    const ids = ascending(touched.subarray(0, count));
    const scores = new Float64Array(count);
    for (let i = 0; i < count; i += 1) {
      const id = ids[i] as number;
      scores[i] = scratch[id] as number;
      scratch[id] = 0;
    }
    return new ScoreTable(ids, scores);
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: number): number {
    const at = indexOfId(this.ids, id);
    return at === -1 ? 0 : (this.scores[at] as number);
  }

  has(id: number): boolean {
    return this.get(id) > 0;
  }

  /**
   * The first `upTo` scored letters, best first, then newest first: sorted as packed numbers (score in
   * millionths, then the date rank), not through a comparator looking scores up.
   */
  best(dates: LetterOrder, upTo: number): number[] {
    const keys = new Float64Array(this.ids.length);
    let n = 0;
    for (let i = 0; i < this.ids.length; i += 1) {
      const id = this.ids[i] as number;
      const rank = id < dates.rank.length ? (dates.rank[id] as number) : -1;
      if (rank < 0) continue;
      keys[n++] = Math.max(0, 1e8 - Math.round((this.scores[i] as number) * 1e6)) * 2097152 + rank;
    }
    const sorted = smallest(keys.subarray(0, n), upTo);
    const out: number[] = [];
    for (let i = 0; i < sorted.length && out.length < upTo; i += 1)
      out.push(dates.ids[(sorted[i] as number) % 2097152] as number);
    return out;
  }
}

/**
 * A sorted copy of `ids` (unique). Callers add the boosted letters first, in ascending order, and the
 * few hundred the word index ranks after them: only that tail is sorted (a typed-array sort of 20,000
 * ids took 1.4 ms), then merged with the ascending head.
 */
function ascending(ids: Uint32Array): Uint32Array {
  let head = 1;
  while (head < ids.length && (ids[head - 1] as number) < (ids[head] as number)) head += 1;
  if (head >= ids.length) return ids.slice();
  const tail = ids.slice(head).sort();
  const out = new Uint32Array(ids.length);
  let i = 0;
  let j = 0;
  for (let n = 0; n < out.length; n += 1) {
    if (j >= tail.length || (i < head && (ids[i] as number) < (tail[j] as number)))
      out[n] = ids[i++] as number;
    else out[n] = tail[j++] as number;
  }
  return out;
}

/**
 * The `count` smallest keys, sorted (in place): a page of a common word's results needs the best 100
 * of tens of thousands, so those are selected first (quickselect) and only they are sorted.
 */
function smallest(keys: Float64Array, count: number): Float64Array {
  if (keys.length <= count * 4) return keys.sort();
  let low = 0;
  let high = keys.length - 1;
  const k = count - 1;
  while (low < high) {
    const pivot = keys[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((keys[i] as number) < pivot) i += 1;
      while ((keys[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = keys[i] as number;
        keys[i] = keys[j] as number;
        keys[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return keys.subarray(0, count).sort();
}
