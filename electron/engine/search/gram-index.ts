import { Posting, intersectPostings, sortedIds } from './postings';
import { SeenKeys } from './seen-keys';
import { normalizeForSearch, segments, type Segment } from './tokenizer';

/**
 * Which letters contain which character n-grams: doc-level postings (no positions) of every 1-, 2-, 3-
 * and 4-gram of the CJK runs of a letter's text, title and proposal title, and of its digit and Latin
 * runs as whole tokens. Held in memory as typed arrays (postings.ts), persisted by gram-store.ts.
 *
 * A term of one CJK run of at most 4 characters is answered exactly by one posting; a longer term by
 * the intersection of its 4-grams, and a term mixing runs by the postings of its parts, both then
 * checked against the text by the caller (a chain of overlapping n-grams at doc level does not prove
 * that they are adjacent). Digit and Latin runs are whole tokens, as before: 018 finds the run 018,
 * not 2018.
 */

/** A term's postings, and whether a document in all of them surely contains the term. */
export interface GramPlan {
  postings: Posting[];
  exact: boolean;
}

const MAX_ORDER = 4;
/**
 * Keys are small numbers, so that the maps hash them fast: characters get dense ids in the order
 * first seen; a bigram's key is (first character id) × W + second character id, an n-gram's key is
 * its (n-1)-gram prefix's posting id × W + last character id.
 */
const W = 65536;

export interface GramSections {
  docIds: Uint32Array;
  stamps: string[];
  /** UTF-16 code of each character id (ids count from 1). */
  charCodes: Uint32Array;
  /** Per order 1–4: the keys and the posting ids, in posting order. */
  keys: [Float64Array, Float64Array, Float64Array, Float64Array];
  ids: [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  tokens: string[];
  /** Per posting, in order (orders 1–4, then tokens): [document count, data words, is bitmap]. */
  shapes: Uint32Array;
  data: Uint32Array;
}

export class GramIndex {
  /** Document number → letter id (0: the document was removed or replaced). */
  private docIds = new Uint32Array(1024);
  private docStamps: string[] = [];
  private docCount = 0;
  private dead = 0;
  /** Letter id → its live document number. */
  private readonly docOf = new Map<number, number>();
  /** UTF-16 code → character id (0: never seen). */
  private readonly charIds = new Int32Array(65536);
  private charCodes: number[] = [];
  private readonly grams: Array<Map<number, Posting>> = [new Map(), new Map(), new Map(), new Map()];
  private readonly nextIds = [1, 1, 1, 1];
  private readonly tokens = new Map<string, Posting>();
  /** Tokens loaded from a file and not looked up since (sorted names, their postings' place). */
  private frozen: FrozenTokens | null = null;
  /** Per order, the n-grams the letter being added has shown so far (see seen-keys.ts). */
  private readonly seen = [new SeenKeys(), new SeenKeys(), new SeenKeys(), new SeenKeys()] as const;

  /** Letters covered, with the stamp each was indexed from. */
  get size(): number {
    return this.docOf.size;
  }

  stampOf(id: number): string | undefined {
    const doc = this.docOf.get(id);
    return doc === undefined ? undefined : this.docStamps[doc];
  }

  ids(): IterableIterator<number> {
    return this.docOf.keys();
  }

  /** Indexes (or re-indexes) one letter from its haystack: text, title and proposal title. */
  add(id: number, stamp: string, haystack: string): void {
    this.remove(id);
    const doc = this.docCount;
    if (doc >= this.docIds.length) {
      const grown = new Uint32Array(this.docIds.length * 2);
      grown.set(this.docIds);
      this.docIds = grown;
    }
    this.docIds[doc] = id;
    this.docStamps[doc] = stamp;
    this.docCount += 1;
    this.docOf.set(id, doc);
    const count = this.docCount;
    const [g1, g2, g3, g4] = this.grams as [
      Map<number, Posting>,
      Map<number, Posting>,
      Map<number, Posting>,
      Map<number, Posting>,
    ];
    const [s1, s2, s3, s4] = this.seen;
    for (const table of this.seen) table.reset();
    const text = normalizeForSearch(haystack);
    const length = text.length;
    let at = 0;
    while (at < length) {
      const kind = classAt(text, at);
      if (kind === OTHER) {
        at += 1;
        continue;
      }
      let end = at + 1;
      while (end < length && classAt(text, end) === kind) end += 1;
      if (kind !== HAN) {
        // Digit and Latin runs are whole tokens.
        (this.token(text.slice(at, end), true) as Posting).add(doc, count);
        at = end;
        continue;
      }
      let c1 = this.charId(text.charCodeAt(at));
      let c2 = at + 1 < end ? this.charId(text.charCodeAt(at + 1)) : 0;
      let c3 = at + 2 < end ? this.charId(text.charCodeAt(at + 2)) : 0;
      for (let i = at; i < end; i += 1) {
        const c4 = i + 3 < end ? this.charId(text.charCodeAt(i + 3)) : 0;
        // Each n-gram's id (seen before in this letter: no map lookup, no posting update).
        this.seenId(s1, g1, 0, c1, doc, count);
        if (i + 1 < end) {
          const id2 = this.seenId(s2, g2, 1, c1 * W + c2, doc, count);
          if (i + 2 < end) {
            const id3 = this.seenId(s3, g3, 2, id2 * W + c3, doc, count);
            if (i + 3 < end) this.seenId(s4, g4, 3, id3 * W + c4, doc, count);
          }
        }
        c1 = c2;
        c2 = c3;
        c3 = c4;
      }
      at = end;
    }
  }

  /** The id of the n-gram `key` of an order, adding the document to its posting on first sight. */
  private seenId(
    seen: SeenKeys,
    map: Map<number, Posting>,
    order: number,
    key: number,
    doc: number,
    count: number,
  ): number {
    const known = seen.get(key);
    if (known !== -1) return known;
    const posting = this.gram(map, order, key);
    posting.add(doc, count);
    seen.set(key, posting.id);
    return posting.id;
  }

  remove(id: number): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docIds[doc] = 0;
    this.docOf.delete(id);
    this.dead += 1;
  }

  /** Whether enough documents were replaced or removed that compacting pays. */
  get wasteful(): boolean {
    return this.dead > 1000 && this.dead * 4 > this.docCount;
  }

  /** The postings a term needs, or null when the term has nothing the postings know of (scan it). */
  plan(term: string): GramPlan | null {
    const normalized = normalizeForSearch(term);
    const parts = segments(normalized);
    if (parts.length === 0) return null;
    const postings: Posting[] = [];
    let usable = false;
    const empty = new Posting();
    const need = (posting: Posting | undefined) => {
      usable = true;
      postings.push(posting ?? empty);
    };
    for (const part of parts) {
      if (part.kind === 'han') {
        for (const posting of this.runPostings(part.text)) need(posting);
        continue;
      }
      // A digit or Latin run is a whole token only when the term shows where it starts and ends.
      const single = parts.length === 1 && part.text.length === normalized.length;
      if (single || bounded(normalized, part)) need(this.token(part.text, false));
    }
    if (!usable) return null;
    const only = parts[0] as Segment;
    const exact =
      parts.length === 1 &&
      only.text.length === normalized.length &&
      (only.kind !== 'han' || only.text.length <= MAX_ORDER);
    return { postings, exact };
  }

  /** Letter ids (sorted) of the documents in every posting of the plan. */
  lettersOf(plan: GramPlan): Uint32Array {
    const docs = intersectPostings(plan.postings);
    const ids = new Uint32Array(docs.length);
    let n = 0;
    let ascending = true;
    for (let i = 0; i < docs.length; i += 1) {
      const id = this.docIds[docs[i] as number] as number;
      if (id === 0) continue;
      if (n > 0 && id <= (ids[n - 1] as number)) ascending = false;
      ids[n++] = id;
    }
    // Letters are mostly indexed in id order: then the ids come out sorted already.
    return ascending ? ids.subarray(0, n) : sortedIds(ids.subarray(0, n));
  }

  /** Renumbers the live documents densely, dropping removed ones from every posting. */
  compact(): void {
    if (this.dead === 0) return;
    const remap = new Int32Array(this.docCount).fill(-1);
    const docIds = new Uint32Array(Math.max(1024, this.docOf.size));
    const stamps: string[] = [];
    let next = 0;
    for (let doc = 0; doc < this.docCount; doc += 1) {
      const id = this.docIds[doc] as number;
      if (id === 0) continue;
      remap[doc] = next;
      docIds[next] = id;
      stamps[next] = this.docStamps[doc] as string;
      this.docOf.set(id, next);
      next += 1;
    }
    const rewrite = (map: Map<number | string, Posting>) => {
      for (const [key, posting] of map) {
        const fresh = new Posting();
        fresh.id = posting.id;
        const docs = posting.docs();
        for (let i = 0; i < docs.length; i += 1) {
          const target = remap[docs[i] as number] as number;
          if (target >= 0) fresh.add(target, next);
        }
        if (fresh.length === 0) map.delete(key);
        else map.set(key, fresh);
      }
    };
    this.thawAll();
    for (const map of this.grams) rewrite(map as Map<number | string, Posting>);
    rewrite(this.tokens as Map<number | string, Posting>);
    this.docIds = docIds;
    this.docStamps = stamps;
    this.docCount = next;
    this.dead = 0;
  }

  /** Bytes held by the postings (for the bench). */
  get bytes(): number {
    let sum = this.docIds.byteLength;
    for (const map of [...this.grams, this.tokens] as Array<Map<unknown, Posting>>) {
      for (const posting of map.values()) sum += posting.bytes + 48;
    }
    return sum;
  }

  /** The index as flat sections (compacted first), for gram-store.ts. */
  sections(): GramSections {
    this.compact();
    const all: Posting[] = [];
    const keys = [] as unknown as GramSections['keys'];
    const ids = [] as unknown as GramSections['ids'];
    this.grams.forEach((map, order) => {
      keys[order] = new Float64Array(map.size);
      ids[order] = new Uint32Array(map.size);
      let i = 0;
      for (const [key, posting] of map) {
        keys[order][i] = key;
        ids[order][i] = posting.id;
        i += 1;
        all.push(posting);
      }
    });
    // Tokens sorted, so that loading finds them by binary search instead of making them all.
    const byToken = new Map(this.tokens);
    const frozen = this.frozen;
    if (frozen) {
      frozen.names.forEach((name, i) => {
        if (!byToken.has(name)) byToken.set(name, frozenPosting(frozen, i));
      });
    }
    const tokens = [...byToken.keys()].sort();
    for (const token of tokens) all.push(byToken.get(token) as Posting);
    const shapes = new Uint32Array(all.length * 3);
    let words = 0;
    // Bitmaps grow by doubling: only the words that can hold a document are written.
    const bitWords = Math.max(1, Math.ceil(this.docCount / 32));
    const bitsOf = (posting: Posting) => (posting.bits as Uint32Array).subarray(0, bitWords);
    all.forEach((posting, i) => {
      const size = posting.bits ? bitsOf(posting).length : posting.length;
      shapes[i * 3] = posting.length;
      shapes[i * 3 + 1] = size;
      shapes[i * 3 + 2] = posting.bits ? 1 : 0;
      words += size;
    });
    const data = new Uint32Array(words);
    let at = 0;
    for (const posting of all) {
      const part = posting.bits ? bitsOf(posting) : (posting.list as Uint32Array).subarray(0, posting.length);
      data.set(part, at);
      at += part.length;
    }
    return {
      docIds: this.docIds.slice(0, this.docCount),
      stamps: this.docStamps.slice(0, this.docCount),
      charCodes: Uint32Array.from(this.charCodes),
      keys,
      ids,
      tokens,
      shapes,
      data,
    };
  }

  /** An index from sections (postings are views into `data`, copied when they grow). */
  static fromSections(sections: GramSections): GramIndex {
    const index = new GramIndex();
    const count = sections.docIds.length;
    index.docIds = new Uint32Array(Math.max(1024, count));
    index.docIds.set(sections.docIds);
    index.docStamps = [...sections.stamps];
    index.docCount = count;
    sections.docIds.forEach((id, doc) => index.docOf.set(id, doc));
    index.charCodes = Array.from(sections.charCodes);
    index.charCodes.forEach((code, i) => {
      index.charIds[code] = i + 1;
    });
    let p = 0;
    let at = 0;
    const next = (): Posting => {
      const length = sections.shapes[p * 3] as number;
      const size = sections.shapes[p * 3 + 1] as number;
      const isBits = sections.shapes[p * 3 + 2] === 1;
      const view = sections.data.subarray(at, at + size);
      p += 1;
      at += size;
      return isBits ? new Posting(null, length, view) : new Posting(view, length);
    };
    sections.keys.forEach((keys, order) => {
      const ids = sections.ids[order] as Uint32Array;
      const map = index.grams[order] as Map<number, Posting>;
      keys.forEach((key, i) => {
        const posting = next();
        posting.id = ids[i] as number;
        map.set(key, posting);
        if (posting.id >= (index.nextIds[order] as number)) index.nextIds[order] = posting.id + 1;
      });
    });
    // Tokens (most of them numbers seen in one letter) stay frozen until looked up.
    const offsets = new Float64Array(sections.tokens.length);
    for (let i = 0; i < sections.tokens.length; i += 1) {
      offsets[i] = at;
      at += sections.shapes[(p + i) * 3 + 1] as number;
    }
    index.frozen = {
      names: sections.tokens,
      first: p,
      offsets,
      shapes: sections.shapes,
      data: sections.data,
    };
    return index;
  }

  /** A token's posting: live, else thawed from the loaded file, else (when asked) a new one. */
  private token(text: string, create: boolean): Posting | undefined {
    let posting = this.tokens.get(text);
    if (posting) return posting;
    const frozen = this.frozen;
    if (frozen) {
      const at = findName(frozen.names, text);
      if (at >= 0) posting = frozenPosting(frozen, at);
    }
    if (!posting && create) posting = new Posting();
    if (posting) this.tokens.set(text, posting);
    return posting;
  }

  /** Makes every frozen token live (before compacting). */
  private thawAll(): void {
    const frozen = this.frozen;
    if (!frozen) return;
    frozen.names.forEach((name, i) => {
      if (!this.tokens.has(name)) this.tokens.set(name, frozenPosting(frozen, i));
    });
    this.frozen = null;
  }

  private charId(code: number): number {
    let id = this.charIds[code] as number;
    if (id === 0) {
      this.charCodes.push(code);
      id = this.charCodes.length;
      this.charIds[code] = id;
    }
    return id;
  }

  private gram(map: Map<number, Posting>, order: number, key: number): Posting {
    let posting = map.get(key);
    if (!posting) {
      posting = new Posting();
      posting.id = this.nextIds[order] as number;
      this.nextIds[order] = posting.id + 1;
      map.set(key, posting);
    }
    return posting;
  }

  /** The postings a CJK run of a term needs (undefined: an n-gram no letter has). */
  private runPostings(run: string): Array<Posting | undefined> {
    const cids = Array.from({ length: run.length }, (_, i) => this.charIds[run.charCodeAt(i)] as number);
    if (cids.includes(0)) return [undefined];
    const [g1, g2, g3, g4] = this.grams as Array<Map<number, Posting>> as [
      Map<number, Posting>,
      Map<number, Posting>,
      Map<number, Posting>,
      Map<number, Posting>,
    ];
    const gram = (from: number, length: number): Posting | undefined => {
      const p1 = g1.get(cids[from] as number);
      if (length === 1 || !p1) return p1;
      const p2 = g2.get((cids[from] as number) * W + (cids[from + 1] as number));
      if (length === 2 || !p2) return p2;
      const p3 = g3.get(p2.id * W + (cids[from + 2] as number));
      if (length === 3 || !p3) return p3;
      return g4.get(p3.id * W + (cids[from + 3] as number));
    };
    if (cids.length <= MAX_ORDER) return [gram(0, cids.length)];
    const out: Array<Posting | undefined> = [];
    for (let i = 0; i + MAX_ORDER <= cids.length; i += 1) out.push(gram(i, MAX_ORDER));
    return out;
  }
}

interface FrozenTokens {
  names: string[];
  /** Index of the first token's posting in `shapes`. */
  first: number;
  /** Where each token's posting starts in `data`. */
  offsets: Float64Array;
  shapes: Uint32Array;
  data: Uint32Array;
}

function frozenPosting(frozen: FrozenTokens, i: number): Posting {
  const p = frozen.first + i;
  const length = frozen.shapes[p * 3] as number;
  const size = frozen.shapes[p * 3 + 1] as number;
  const start = frozen.offsets[i] as number;
  const view = frozen.data.subarray(start, start + size);
  return frozen.shapes[p * 3 + 2] === 1 ? new Posting(null, length, view) : new Posting(view, length);
}

/** Index of `name` in sorted `names` (code unit order), or -1. */
function findName(names: string[], name: string): number {
  let low = 0;
  let high = names.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = names[middle] as string;
    if (at < name) low = middle + 1;
    else if (at > name) high = middle - 1;
    else return middle;
  }
  return -1;
}

const OTHER = 0;
const HAN = 1;
const DIGIT = 2;
const LATIN = 3;
const HAN_CHAR = /^[\p{Script=Han}〇]$/u;
/** Class of each UTF-16 unit (BMP), as tokenizer.segments' pattern classifies normalised text. */
let classes: Uint8Array | null = null;
const astral = new Map<number, boolean>();

function classTable(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(65536);
  for (let code = 0; code < 65536; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (code >= 0x30 && code <= 0x39) classes[code] = DIGIT;
    else if (code >= 0x61 && code <= 0x7a) classes[code] = LATIN;
    else if (code >= 0x2e80 && HAN_CHAR.test(String.fromCharCode(code))) classes[code] = HAN;
  }
  return classes;
}

/** The class of the unit at `at`; both units of an astral Han character are Han. */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdfff) return classTable()[code] as number;
  const point = text.codePointAt(code <= 0xdbff ? at : at - 1) ?? 0;
  if (point <= 0xffff) return OTHER;
  let han = astral.get(point);
  if (han === undefined) {
    han = HAN_CHAR.test(String.fromCodePoint(point));
    astral.set(point, han);
  }
  return han ? HAN : OTHER;
}

/** Whether a digit/Latin part of a term has other characters of the term right before and after it. */
function bounded(term: string, part: Segment): boolean {
  return part.start > 0 && part.start + part.text.length < term.length;
}
