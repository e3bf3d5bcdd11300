/**
 * Which numeric keys one document has already shown, and the value each was given: an
 * open-addressing table over typed arrays, emptied for the next document by bumping a stamp (not by
 * clearing). Indexing a letter repeats most of its n-grams many times; this lets gram-index.ts touch
 * its maps and postings once per distinct n-gram of a letter instead of once per occurrence.
 */
export class SeenKeys {
  private keys: Float64Array;
  private stamps: Int32Array;
  private values: Int32Array;
  private mask: number;
  private stamp = 0;
  private count = 0;

  constructor(bits = 14) {
    const size = 1 << bits;
    this.keys = new Float64Array(size);
    this.stamps = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Forgets every key (a new document). */
  reset(): void {
    this.stamp += 1;
    this.count = 0;
  }

  /** The value stored for `key` since the last reset, or -1. */
  get(key: number): number {
    let slot = hash(key) & this.mask;
    for (;;) {
      if (this.stamps[slot] !== this.stamp) return -1;
      if (this.keys[slot] === key) return this.values[slot] as number;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores `value` for a key not stored since the last reset. */
  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    let slot = hash(key) & this.mask;
    while (this.stamps[slot] === this.stamp) slot = (slot + 1) & this.mask;
    this.stamps[slot] = this.stamp;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.count += 1;
  }

  private grow(): void {
    const { keys, stamps, values, stamp } = this;
    const size = (this.mask + 1) * 2;
    this.keys = new Float64Array(size);
    this.stamps = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.stamp = 1;
    this.count = 0;
    for (let slot = 0; slot < keys.length; slot += 1) {
      if (stamps[slot] === stamp) this.set(keys[slot] as number, values[slot] as number);
    }
  }
}

function hash(key: number): number {
  const high = Math.floor(key / 4294967296);
  const low = key - high * 4294967296;
  return Math.imul((low ^ Math.imul(high, 0x85ebca6b)) | 0, 0x9e3779b1) >>> 15;
}
