/**
 * Search over the archive, in the engine process.
 *
 * Design decided by measurement (issue 5 and its follow-up; bench/search-bench.ts, search-profile.ts,
 * search-grams-bench.ts and search-start-steps.ts print the figures on this machine):
 * - Membership comes from doc-level n-gram postings held in memory as typed arrays (gram-index.ts,
 *   persisted by gram-store.ts): every 1–4-gram of the CJK runs and every digit/Latin run of a letter.
 *   A term of up to 4 CJK characters is one posting (exact); longer terms intersect their 4-grams and
 *   are checked against the text (a chain of n-grams at doc level does not prove adjacency). Before,
 *   the bigrams lived in SQLite FTS5 with positions: at 10,000 generated letters FTS5 alone took 13 ms
 *   for 人才, 24 ms for 政策 and 28 ms for 进一步 (it walks the position lists of common bigrams), it
 *   took 91 MB in the database and a good part of the build, and the JS around it (Sets of ids,
 *   scoring, sorting and faceting every matched letter through objects) took more than FTS5 itself.
 *   The postings of the same 10,000 letters are an 11 MB file (bitmaps for n-grams in at least 1 of
 *   32 letters, sorted lists for the others) and load in about 0.1 s; a two-character word's letters
 *   are one bitmap.
 * - Ranking comes from jieba words in a FlexSearch Document (word-index.ts; the first 300 letters of
 *   each field per word): only the letters the word index or a title/name match (boost-text.ts) scores
 *   are sorted, their scores in a typed table (score-table.ts); the rest follow by date, picked without
 *   sorting the whole result (result-order.ts). Facets and value filters work on typed columns
 *   (facets.ts). Clause results, boosts, ranked results with their facet counts, and snippets are
 *   cached until letters, postings or the word index change. What remains per new search is mostly
 *   reading the shown letters' texts for their snippets (about 20 to 30 µs a letter, through SQLite's
 *   memory map; the texts live apart from the letters' rows, see store/text-migrations.ts).
 * - Nothing heavy happens in the constructor: the letters' metadata, the postings and the word index
 *   load in background steps of about 20 ms (a call between two steps is answered at once; the saved
 *   word index is hashed and imported in slices); a search arriving first completes the metadata and
 *   postings load in its call (not jieba, not the word index: until that is loaded, results rank by
 *   title matches and date). jieba is loaded only to (re)build the word index or for the dictionary
 *   preview, and that load (about 1.4 s, native) is the one step that still holds the thread longer.
 *
 * Letters not yet in the postings (new, edited, or all of them when the postings file is missing,
 * stale or corrupt) are scanned by brute force over their text: search is always complete, only
 * slower while the index catches up, and says so.
 */
import type { Database } from 'better-sqlite3';
import { createHash, type Hash } from 'node:crypto';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { LetterSummary, SearchHit, SearchResult } from '../../../shared/domain';
import { dropRetiredSearchTables } from '../store/search-migrations';
import { BoostIndex, type BoostHits } from './boost-text';
import { FacetTable } from './facets';
import { facetFilter, filterPredicate, proposalKeyOf } from './filters';
import { GramIndex } from './gram-index';
import { loadGrams, saveGrams } from './gram-store';
import { isJiebaLoaded, loadJieba, reloadJieba, sentenceWords, wordTokens } from './jieba';
import { loadLetterMeta, loadLetterMetaPage, loadTexts, type LetterMeta } from './letter-meta';
import { differenceIds, indexOfId, intersectIds, sortedIds, unionIds } from './postings';
import { parseQuery, type Clause, type FilterField } from './query-parser';
import { byNumber, dateOrder, firstInOrder, letterOrder, type LetterOrder } from './result-order';
import { ScoreTable } from './score-table';
import { snippetsFor, type Snippet } from './snippet';
import { normalizeForSearch } from './tokenizer';
import { dictionaryEntries, dictionaryText, writeUserDictionary } from './user-dictionary';
import { WordIndex } from './word-index';
import { lettersChecksum, openWords, readWordPart, saveWords, sha1, splitJsonArray } from './word-store';

export interface SearchServiceOptions {
  db: Database;
  /** The archive folder, where the indexes and the user dictionary are kept. */
  dataDir: string;
  /** The user's own dictionary terms (settings). */
  customTerms?: string[];
  /** Today as YYYY-MM-DD (for 状态:逾期). */
  today?: () => string;
  /** At most this many letters per background step. */
  chunkSize?: number;
  /** A background step stops after this many milliseconds (default 20), so calls wait no longer. */
  sliceMs?: number;
  /** Whether to load or build the word index (ranking); the CLI's one-shot searches skip it. */
  words?: boolean;
  /** Told how long each part of a search took (bench/search-profile.ts). */
  trace?: (part: 'select' | 'rank' | 'snippets' | 'facets', ms: number) => void;
}

export type SearchArgs = ParsedMethodArgs<'search'>;
export type SuggestArgs = ParsedMethodArgs<'suggest'>;

const isoToday = (): string => new Date().toISOString().slice(0, 10);
const CACHE_SIZE = 64;
const SNIPPET_CACHE_SIZE = 2000;
/**
 * How many letters of each field the word index ranks per query word. FlexSearch's order past the first
 * few hundred letters (a word standing late in a long letter) hardly tells one letter from another,
 * and the rest follow by date; asking for 2,000 took 0.5 ms for 人才 at 10,000 letters, 300 takes 0.05.
 * Constant, so that paging through one query's results always sees the same order.
 */
const WORD_RANK_LIMIT = 300;
/** A ranked result is kept for the next call only up to this many letters in order (see ranked). */
const RANKED_KEPT_MAX = 5000;
/** Bytes of the saved word index hashed per background step. */
const WORD_HASH_SLICE = 2 * 2 ** 20;
/** Characters of a word index part imported per background step. */
const WORD_PART_CHARS = 262_144;
const EMPTY = new Uint32Array(0);

/** What the start-up still has to do, in order. */
type Phase = 'metas' | 'grams' | 'words' | 'ready';

interface Ranked {
  terms: string[];
  hints: string[];
  ids: Uint32Array;
  scores: ScoreTable;
  /** Letter ids in the order asked, from the first up to `upTo`. */
  ordered: number[];
  /** The facet counts of `ids`, once counted. */
  facets?: SearchResult['facets'];
}

export class SearchService {
  private readonly db: Database;
  private readonly metas = new Map<number, LetterMeta>();
  private readonly facets = new FacetTable();
  private phase: Phase = 'metas';
  private metaCursor = 0;
  private grams = new GramIndex();
  /** Letters whose postings are missing or stale. */
  private readonly pending = new Set<number>();
  /** Letters the word index still lacks (when it exists). */
  private readonly wordsPending = new Set<number>();
  private words: WordIndex | null = null;
  /**
   * The saved word index loads in steps: its bytes are hashed in slices (checked against the
   * manifest), then cut into parts (JSON lines, or [key, data] slices of a large part) imported one by
   * one.
   */
  private wordParts: Array<string | [string, string]> = [];
  private wordFile: { bytes: Buffer; hash: Hash; hashed: number; checksum: string } | null = null;
  private dictionary: { path: string; checksum: string } | null = null;
  /** The user dictionary changed since jieba loaded it: reload before cutting more words. */
  private jiebaStale = false;
  private timer: NodeJS.Immediate | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private wordsDirty = false;
  private gramsDirty = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  /** Bumped whenever letters (metaVersion) or postings (version) change: clears the caches below. */
  private version = 0;
  private cachedVersion = -1;
  private metaVersion = 0;
  private cachedMetaVersion = -1;
  private readonly clauseCache = new Map<string, Uint32Array>();
  private readonly boostCache = new Map<string, BoostHits>();
  private readonly snippetCache = new Map<string, Snippet>();
  /** Ranked results per sort and query (paging, facet counts and repeated queries reuse them). */
  private readonly rankedCache = new Map<string, Ranked>();
  private dateOrder: LetterOrder | null = null;
  private numberOrder: LetterOrder | null = null;
  private metaList: LetterMeta[] | null = null;
  private proposalKeys: Map<string, Uint32Array> | null = null;
  /** Letters changed since the caches were last prepared in the background. */
  private warmPending = true;
  private readonly boostIndex = new BoostIndex();
  /** Searches still to run once in the background after start (warmUpQueries). */
  private warmUps: string[] | null = null;
  private allIds: Uint32Array | null = null;

  constructor(private readonly options: SearchServiceOptions) {
    this.db = options.db;
    this.schedule();
  }

  /**
   * Whether the index is catching up (search then scans the letters it lacks, or ranks by date until
   * the word index is in). Completes the load of the letters and postings first, to know.
   */
  get rebuilding(): boolean {
    this.ensureLoaded();
    return (
      this.phase !== 'ready' ||
      this.pending.size > 0 ||
      this.wordsPending.size > 0 ||
      this.wordParts.length > 0 ||
      this.wordFile !== null
    );
  }

  /** Letters still to (re)index in the background; 0 when the index is current. */
  get backlog(): number {
    return Math.max(this.pending.size, this.wordsPending.size);
  }

  /**
   * The user's own dictionary terms (settings). When they change, the user dictionary is rewritten,
   * jieba reloads it, and every letter's words are cut again in the background; membership comes from
   * the n-gram postings, so search keeps answering completely meanwhile (only ranking lags).
   */
  setCustomTerms(terms: string[]): { changed: boolean } {
    const current = this.options.customTerms ?? [];
    if (current.length === terms.length && current.every((term, index) => term === terms[index])) {
      return { changed: false };
    }
    this.options.customTerms = [...terms];
    // Before the letters are loaded, the dictionary is not written yet: it will be, with these terms.
    if (!this.dictionary) return { changed: true };
    const text = dictionaryText(dictionaryEntries(this.metas.values(), terms));
    const written = writeUserDictionary(this.options.dataDir, text);
    const checksum = sha1(text);
    if (checksum === this.dictionary.checksum) return { changed: false };
    this.dictionary = { path: written.path, checksum };
    this.jiebaStale = true;
    this.rankedCache.clear();
    if (this.words) {
      // A fresh word index: re-adding a letter to the old one removes it first, which FlexSearch does by
      // scanning the whole index (measured 8× slower than adding to an empty one).
      this.wordParts = [];
      this.words = new WordIndex();
      for (const id of this.metas.keys()) this.wordsPending.add(id);
    }
    this.wordsDirty = true;
    this.schedule();
    return { changed: true };
  }

  /** How jieba reads `text` with the archive's current dictionary (设置 › 自定义词典 › 试分词). */
  previewWords(text: string): string[] {
    this.ensureLoaded();
    const path = this.dictionary?.path ?? null;
    if (this.jiebaStale) reloadJieba({ userDictionary: path });
    this.jiebaStale = false;
    loadJieba({ userDictionary: path });
    return sentenceWords(text);
  }

  /** Letters changed (imported, edited): re-read their fields and index them in the background. */
  indexLetters(ids: number[]): void {
    if (this.closed || ids.length === 0) return;
    // Before the start-up load reaches them, letters are picked up by it.
    const loaded = this.phase === 'metas' ? ids.filter((id) => id <= this.metaCursor) : ids;
    const found = loadLetterMeta(this.db, loaded);
    const present = new Set(found.map((meta) => meta.id));
    const gone = loaded.filter((id) => !present.has(id));
    if (gone.length > 0) this.removeLetters(gone);
    for (const meta of found) {
      const previous = this.metas.get(meta.id);
      // Tags and topics change no text: only the metadata then (re-cutting words costs jieba time).
      const textChanged =
        !previous ||
        previous.stamp !== meta.stamp ||
        previous.title !== meta.title ||
        previous.proposalTitle !== meta.proposalTitle;
      this.setMeta(meta);
      if (textChanged || this.grams.stampOf(meta.id) !== meta.stamp) this.pending.add(meta.id);
      if (textChanged && this.words) this.wordsPending.add(meta.id);
    }
    this.changed();
    this.schedule();
  }

  removeLetters(ids: number[]): void {
    if (this.closed || ids.length === 0) return;
    for (const id of ids) {
      this.metas.delete(id);
      this.facets.delete(id);
      this.boostIndex.remove(id);
      this.grams.remove(id);
      this.pending.delete(id);
      this.wordsPending.delete(id);
      this.words?.remove(id);
    }
    this.changed();
    this.gramsDirty = true;
    this.wordsDirty = true;
    this.scheduleSave();
  }

  /** Brings the postings up to date now, in this call (the CLI's one-shot searches). */
  catchUp(): void {
    this.ensureLoaded();
    while (!this.closed && this.pending.size > 0) this.indexStep(Number.POSITIVE_INFINITY);
  }

  /** Resolves when the background work (loading, indexing, word index load or build) is done. */
  whenIdle(): Promise<void> {
    if (!this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes the indexes now when they changed (normally 3 s after the last change). */
  async save(): Promise<void> {
    if (this.phase === 'metas' || this.phase === 'grams') return;
    if (this.gramsDirty && this.pending.size === 0) {
      this.gramsDirty = false;
      saveGrams(this.options.dataDir, this.grams.sections(), {
        lettersChecksum: this.coveredChecksum(),
        letterCount: this.grams.size,
      });
    }
    if (!this.words || !this.wordsDirty || this.wordsPending.size > 0 || this.wordParts.length > 0) return;
    if (this.wordFile) return;
    if (!this.dictionary) return;
    this.wordsDirty = false;
    const parts = await this.words.exportParts();
    saveWords(this.options.dataDir, parts, {
      lettersChecksum: this.coveredChecksum(),
      letterCount: this.words.size,
      dictionaryChecksum: this.dictionary.checksum,
    });
  }

  close(): void {
    // The postings are written at once when they changed (quick; the word index waits for its timer).
    if (
      !this.closed &&
      this.gramsDirty &&
      this.pending.size === 0 &&
      this.phase !== 'metas' &&
      this.phase !== 'grams'
    ) {
      this.gramsDirty = false;
      saveGrams(this.options.dataDir, this.grams.sections(), {
        lettersChecksum: this.coveredChecksum(),
        letterCount: this.grams.size,
      });
    }
    this.closed = true;
    if (this.timer) clearImmediate(this.timer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.timer = null;
    this.saveTimer = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Every id of a query's results, in the order asked (no snippets, no facets): Ctrl+A over all results. */
  resultIds(query: string, sort: SearchArgs['sort']): number[] {
    return this.ranked(query, sort, Number.POSITIVE_INFINITY).ordered;
  }

  search(args: SearchArgs): SearchResult {
    const started = performance.now();
    const trace = this.options.trace;
    const ranked = this.ranked(args.query, args.sort, args.offset + args.limit);
    const rankedAt = performance.now();
    const page = ranked.ordered.slice(args.offset, args.offset + args.limit);
    const hits: SearchHit[] = [];
    const snippets = this.snippets(ranked.terms);
    for (const id of page) {
      const meta = this.metas.get(id);
      if (!meta) continue;
      hits.push({
        ...summaryOf(meta),
        ...snippets(id),
        score: Math.round((ranked.scores.get(id) ?? 0) * 1000) / 1000,
      });
    }
    const snippetsAt = performance.now();
    ranked.facets ??= this.facets.count(ranked.ids, this.everyId());
    const facets = ranked.facets;
    if (trace) {
      trace('snippets', snippetsAt - rankedAt);
      trace('facets', performance.now() - snippetsAt);
    }
    const hints = [...ranked.hints];
    if (this.pending.size > 0) {
      hints.push(`搜索索引正在后台重建（还剩 ${this.pending.size} 封），结果完整，但可能较慢。`);
    }
    return {
      total: ranked.ids.length,
      hits,
      facets,
      hint: hints.length > 0 ? hints.join(' ') : null,
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  suggest(args: SuggestArgs): string[] {
    this.ensureLoaded();
    const counts = new Map<string, number>();
    const prefix = normalizeForSearch(args.prefix.trim());
    const add = (value: string | null) => {
      if (!value || !normalizeForSearch(value).includes(prefix)) return;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    };
    for (const meta of this.metas.values()) {
      if (args.field === 'department') [meta.issuer, ...meta.coIssuers].forEach(add);
      else if (args.field === 'session') add(meta.session);
      else if (args.field === 'topic') add(meta.topic);
      else if (args.field === 'tag') meta.tags.forEach(add);
      else meta.proposers.forEach(add);
    }
    const starts = (value: string) => (normalizeForSearch(value).startsWith(prefix) ? 0 : 1);
    return [...counts]
      .sort((a, b) => starts(a[0]) - starts(b[0]) || b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, args.limit)
      .map(([value]) => value);
  }

  /** The letters a query selects and the first `upTo` of them in the order asked. */
  private ranked(query: string, sort: SearchArgs['sort'], upTo: number): Ranked {
    this.ensureLoaded();
    this.syncCaches();
    const key = `${sort}\u0000${query}`;
    const cached = this.rankedCache.get(key);
    if (cached && cached.ordered.length >= Math.min(upTo, cached.ids.length)) return cached;
    const parsed = parseQuery(query);
    const ranked = this.rank(parsed, sort, upTo);
    // 状态: depends on the commitments and the day, which search is not told about; a catching-up index
    // answers partly by scanning: neither is kept. Nor is a long order (every id, for Ctrl+A or an
    // export): 64 of them would hold megabytes for a use that is rare.
    const status = [...parsed.groups.flat(), ...parsed.excluded].some(
      (clause) => clause.kind === 'filter' && clause.field === 'status',
    );
    const keep = !status && this.pending.size === 0 && ranked.ordered.length <= RANKED_KEPT_MAX;
    if (keep) remember(this.rankedCache, key, ranked);
    return ranked;
  }

  private rank(parsed: ReturnType<typeof parseQuery>, sort: SearchArgs['sort'], upTo: number): Ranked {
    const started = performance.now();
    const hints = [...parsed.hints];
    const today = (this.options.today ?? isoToday)();
    const clauseIds = (clause: Clause): Uint32Array => {
      // 状态: depends on the commitments (and the day), which search is not told about: never cached.
      const cacheable = !(clause.kind === 'filter' && clause.field === 'status') && this.pending.size === 0;
      const key = JSON.stringify(clause);
      const cached = cacheable ? this.clauseCache.get(key) : undefined;
      if (cached) return cached;
      const ids =
        clause.kind === 'text'
          ? this.textIds(clause.text, hints)
          : this.filterIds(clause.field, clause.value, today);
      if (cacheable) remember(this.clauseCache, key, ids);
      return ids;
    };
    let result: Uint32Array | null = null;
    for (const group of parsed.groups) {
      let union: Uint32Array = EMPTY;
      for (const clause of group) union = unionIds(union, clauseIds(clause));
      result = result === null ? union : intersectIds(result, union);
    }
    let ids = result ?? this.everyId();
    for (const clause of parsed.excluded) ids = differenceIds(ids, clauseIds(clause));
    const terms = parsed.groups.flat().flatMap((clause) => (clause.kind === 'text' ? [clause.text] : []));
    const selectedAt = performance.now();
    const trace = this.options.trace;
    if (sort === 'date' || sort === 'number') {
      const order = sort === 'date' ? this.byDate() : this.byNumber();
      const ordered = firstInOrder(ids, order, upTo, new Set());
      trace?.('select', selectedAt - started);
      trace?.('rank', performance.now() - selectedAt);
      return { terms, hints, ids, scores: ScoreTable.empty(), ordered };
    }
    const dates = this.byDate();
    const scores = this.scores(ids, terms);
    const ordered = scores.best(dates, upTo);
    if (ordered.length < upTo) {
      for (const id of firstInOrder(ids, dates, upTo - ordered.length, scores)) ordered.push(id);
    }
    trace?.('select', selectedAt - started);
    trace?.('rank', performance.now() - selectedAt);
    return { terms, hints, ids, scores, ordered };
  }

  /** Letters containing `text` verbatim (in the text, title or proposal title); numbers also by 号. */
  private textIds(text: string, hints: string[]): Uint32Array {
    const plan = this.grams.plan(text);
    let ids: Uint32Array;
    if (plan === null) {
      hints.push(`「${text}」中没有可检索的文字，已逐封比对原文。`);
      ids = this.scan([...this.metas.keys()], text);
    } else {
      const candidates = this.grams.lettersOf(plan);
      ids = plan.exact ? candidates : this.scan(candidates, text);
      if (this.pending.size > 0) ids = unionIds(ids, this.scan([...this.pending], text));
    }
    const digits = normalizeForSearch(text);
    if (/^\d+$/u.test(digits)) ids = unionIds(ids, this.filterIds('number', digits, ''));
    return ids;
  }

  /** The brute-force path: the letters among `ids` whose text (or title) contains `text`, sorted. */
  private scan(ids: ArrayLike<number>, text: string): Uint32Array {
    if (ids.length === 0) return EMPTY;
    const needle = normalizeForSearch(text);
    const list = Array.from(ids);
    const texts = loadTexts(this.db, list);
    return sortedIds(
      list.filter((id) => {
        const meta = this.metas.get(id);
        if (!meta) return false;
        return normalizeForSearch(haystackOf(texts.get(id) ?? '', meta)).includes(needle);
      }),
    );
  }

  private filterIds(field: FilterField, value: string, today: string): Uint32Array {
    if (field === 'number') {
      const key = proposalKeyOf(value);
      return key === null ? EMPTY : (this.byProposalKey().get(key) ?? EMPTY);
    }
    const byValue = facetFilter(field, value);
    if (byValue) return this.facets.idsWhere(byValue.facet, byValue.test);
    return this.metaIds(filterPredicate(this.db, field, value, today));
  }

  private metaIds(predicate: (meta: LetterMeta) => boolean): Uint32Array {
    const ids: number[] = [];
    for (const meta of this.letters()) if (predicate(meta)) ids.push(meta.id);
    return sortedIds(ids);
  }

  private everyId(): Uint32Array {
    this.allIds ??= sortedIds(this.metas.keys());
    return this.allIds;
  }

  /**
   * Relevance of the letters that have any (others score 0 and follow by date): the word index's rank,
   * plus the terms in the title (10), the proposal title (8), a proposer's or the issuer's name (3).
   */
  private scores(ids: Uint32Array, terms: string[]): ScoreTable {
    if (terms.length === 0 || ids.length === 0) return ScoreTable.empty();
    const boosted = terms.map((term) => this.boosts(normalizeForSearch(term)));
    const words = this.words
      ? terms.flatMap((term) => (isJiebaLoaded() ? wordTokens(term) : [normalizeForSearch(term)]))
      : [];
    return ScoreTable.sum((add) => {
      // Both lists ascend: one merge walk finds the boosted letters of the result (added first, in
      // ascending order, which spares the table most of its sorting).
      for (const boost of boosted) {
        for (let i = 0, j = 0; i < boost.ids.length && j < ids.length;) {
          const id = boost.ids[i] as number;
          const at = ids[j] as number;
          if (id < at) i += 1;
          else if (id > at) j += 1;
          else {
            add(id, boost.boosts[i] as number);
            i += 1;
            j += 1;
          }
        }
      }
      if (this.words) {
        for (const [id, score] of this.words.scores(words, WORD_RANK_LIMIT)) {
          if (indexOfId(ids, id) !== -1) add(id, score);
        }
      }
    });
  }

  /** The title, proposal title and name boosts of one (normalised) term over every letter, cached. */
  private boosts(needle: string): BoostHits {
    let boosts = this.boostCache.get(needle);
    if (boosts) return boosts;
    boosts = this.boostIndex.boosts(needle, this.letters());
    remember(this.boostCache, needle, boosts);
    return boosts;
  }

  private letters(): LetterMeta[] {
    this.metaList ??= [...this.metas.values()];
    return this.metaList;
  }

  /** Letter ids (ascending) per proposal key, for 号: and number terms. */
  private byProposalKey(): Map<string, Uint32Array> {
    if (this.proposalKeys) return this.proposalKeys;
    const lists = new Map<string, number[]>();
    for (const meta of this.letters()) {
      if (meta.proposalKey === null) continue;
      const list = lists.get(meta.proposalKey);
      if (list) list.push(meta.id);
      else lists.set(meta.proposalKey, [meta.id]);
    }
    this.proposalKeys = new Map([...lists].map(([key, ids]) => [key, sortedIds(ids)]));
    return this.proposalKeys;
  }

  private byDate(): LetterOrder {
    this.dateOrder ??= dateOrder(this.letters());
    return this.dateOrder;
  }

  private byNumber(): LetterOrder {
    this.numberOrder ??= letterOrder(this.letters(), byNumber);
    return this.numberOrder;
  }

  /**
   * Prepares what the next search would otherwise build first (background steps after changes), one
   * piece per step: the date order, the proposal keys, the facet orders.
   */
  private warm(): void {
    this.syncCaches();
    if (!this.dateOrder) this.byDate();
    else if (!this.proposalKeys) this.byProposalKey();
    else {
      this.facets.warm();
      this.warmPending = false;
    }
  }

  private setMeta(meta: LetterMeta): void {
    this.metas.set(meta.id, meta);
    this.facets.set(meta);
    this.boostIndex.set(meta);
  }

  /** The hits' snippets for these terms, cached (paging and facet clicks show the same letters). */
  private snippets(terms: string[]): (id: number) => Snippet {
    const suffix = `\u0000${terms.join('\u0001')}`;
    let make: ((db: Database, id: number) => Snippet) | null = null;
    return (id) => {
      const key = `${id}${suffix}`;
      let snippet = this.snippetCache.get(key);
      if (!snippet) {
        make ??= snippetsFor(terms);
        snippet = make(this.db, id);
        remember(this.snippetCache, key, snippet, SNIPPET_CACHE_SIZE);
      }
      return snippet;
    };
  }

  /** Forgets the cached clause results and boosts (benches time uncached searches with it). */
  clearCaches(): void {
    this.clauseCache.clear();
    this.rankedCache.clear();
    this.boostCache.clear();
    this.snippetCache.clear();
  }

  /** Letters changed (and so maybe their postings). */
  private changed(): void {
    this.version += 1;
    this.metaVersion += 1;
    this.warmPending = true;
  }

  /** Only postings changed. */
  private postingsChanged(): void {
    this.version += 1;
  }

  private syncCaches(): void {
    if (this.cachedVersion !== this.version) {
      this.clauseCache.clear();
      this.rankedCache.clear();
    }
    this.cachedVersion = this.version;
    if (this.cachedMetaVersion === this.metaVersion) return;
    this.cachedMetaVersion = this.metaVersion;
    this.boostCache.clear();
    this.snippetCache.clear();
    this.dateOrder = null;
    this.numberOrder = null;
    this.metaList = null;
    this.proposalKeys = null;
    this.allIds = null;
  }

  private coveredChecksum(): string {
    return lettersChecksum([...this.metas.values()].map((meta) => [meta.id, meta.stamp]));
  }

  /** Completes the start-up load of the letters and the postings now (a search came first). */
  private ensureLoaded(): void {
    while (!this.closed && (this.phase === 'metas' || this.phase === 'grams'))
      this.startStep(Number.POSITIVE_INFINITY);
  }

  /** One start-up step: a page of letters' metadata, then the postings, then the word index. */
  private startStep(budgetMs: number): void {
    const started = performance.now();
    if (this.phase === 'metas') {
      do {
        const page = loadLetterMetaPage(this.db, this.metaCursor, 200);
        for (const meta of page) this.setMeta(meta);
        if (page.length === 0) {
          this.finishMetas();
          return;
        }
        this.metaCursor = (page[page.length - 1] as LetterMeta).id;
      } while (performance.now() - started < budgetMs);
      return;
    }
    if (this.phase === 'grams') {
      this.loadPostings();
      this.phase = this.options.words === false ? 'ready' : 'words';
      return;
    }
    if (this.phase === 'words') {
      this.loadWordIndex();
      this.phase = 'ready';
    }
  }

  private finishMetas(): void {
    const text = dictionaryText(dictionaryEntries(this.metas.values(), this.options.customTerms));
    const written = writeUserDictionary(this.options.dataDir, text);
    this.dictionary = { path: written.path, checksum: sha1(text) };
    this.phase = 'grams';
    this.changed();
  }

  /** The saved postings, checked against the letters: changed or new ones are re-indexed alone. */
  private loadPostings(): void {
    dropRetiredSearchTables(this.db);
    const loaded = loadGrams(this.options.dataDir);
    this.grams = loaded.state === 'ok' ? GramIndex.fromSections(loaded.sections) : new GramIndex();
    for (const id of [...this.grams.ids()]) {
      if (!this.metas.has(id)) {
        this.grams.remove(id);
        this.gramsDirty = true;
      }
    }
    for (const meta of this.metas.values()) {
      if (this.grams.stampOf(meta.id) !== meta.stamp) this.pending.add(meta.id);
    }
    if (this.pending.size > 0) this.gramsDirty = true;
    this.postingsChanged();
  }

  /** Opens the saved word index when it is current (checked and imported in later steps), else rebuilds. */
  private loadWordIndex(): void {
    const opened = openWords(this.options.dataDir);
    this.words = new WordIndex();
    if (
      opened.state === 'ok' &&
      opened.manifest.lettersChecksum === this.coveredChecksum() &&
      opened.manifest.dictionaryChecksum === this.dictionary?.checksum
    ) {
      this.words.beginImport(opened.manifest.letterCount);
      this.wordFile = {
        bytes: opened.bytes,
        hash: createHash('sha1'),
        hashed: 0,
        checksum: opened.manifest.dataChecksum,
      };
    } else {
      this.rebuildWords();
    }
  }

  private rebuildWords(): void {
    this.wordFile = null;
    this.wordParts = [];
    this.words = new WordIndex();
    for (const id of this.metas.keys()) this.wordsPending.add(id);
    this.wordsDirty = true;
  }

  /** Hashes the next slice of the saved word index; at the end, checks it and cuts it into parts. */
  private hashWordsStep(): void {
    const file = this.wordFile as NonNullable<SearchService['wordFile']>;
    const end = Math.min(file.bytes.length, file.hashed + WORD_HASH_SLICE);
    file.hash.update(file.bytes.subarray(file.hashed, end));
    file.hashed = end;
    if (end < file.bytes.length) return;
    this.wordFile = null;
    if (file.hash.digest('hex') !== file.checksum) {
      this.rebuildWords();
      return;
    }
    const text = file.bytes.toString('utf8');
    this.wordParts = text === '' ? [] : text.split('\n');
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    const busy =
      this.phase !== 'ready' ||
      this.pending.size > 0 ||
      !this.boostIndex.ready ||
      this.warmUps === null ||
      this.warmUps.length > 0 ||
      this.wordParts.length > 0 ||
      this.wordFile !== null ||
      this.wordsPending.size > 0;
    if (!busy) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    this.timer = setImmediate(() => {
      this.timer = null;
      this.step();
      this.schedule();
    });
  }

  /** One background step of at most about `sliceMs`: start-up first, then postings, then words. */
  private step(): void {
    if (this.closed) return;
    const budget = this.options.sliceMs ?? 20;
    if (this.phase !== 'ready') this.startStep(budget);
    else if (this.pending.size > 0) this.indexStep(budget);
    else if (!this.boostIndex.ready) this.boostStep(budget);
    else if (this.warmPending) this.warm();
    else if (this.wordFile) this.hashWordsStep();
    else if (this.wordParts.length > 0) this.importWordsStep(budget);
    else if (this.wordsPending.size > 0) this.wordsStep(budget);
    else if (this.warmUps === null || this.warmUps.length > 0) this.warmUpStep();
    // The word index ranks: results ranked before its step are ranked again.
    if (this.phase === 'ready' && !this.warmPending) this.rankedCache.clear();
  }

  /**
   * Runs one search of a few made from the archive's own first letter, once after start (the last
   * background step, so that ranking by the word index is compiled too), each with the
   * caches cleared, and forgets their results: the first searches of each kind (a common word, an odd
   * cut, two words, a number, a filter) otherwise pay for the engine compiling the code they run, which
   * at 100,000 letters made a common word's first search take 15–35 ms against 4–6 ms for the same
   * search again with every cache cleared. Twice over, as the compiler optimises code run often.
   */
  private warmUpStep(): void {
    if (this.warmUps === null) {
      const queries = warmUpQueries(this.letters()[0]);
      this.warmUps = [...queries, ...queries];
    }
    const query = this.warmUps.shift();
    if (query === undefined) return;
    this.clearCaches();
    this.search({ query, sort: 'relevance', offset: 0, limit: 50 });
    if (this.warmUps.length === 0) this.clearCaches();
  }

  /** Indexes letters' short fields for boosts; boosts found by scanning before are found again. */
  private boostStep(budgetMs: number): void {
    this.boostIndex.step(budgetMs);
    if (this.boostIndex.ready) this.boostCache.clear();
  }

  /** Indexes letters waiting for their postings, for about `budgetMs`. */
  private indexStep(budgetMs: number): void {
    const started = performance.now();
    const limit = this.options.chunkSize ?? 500;
    let done = 0;
    for (const id of this.pending) {
      const meta = this.metas.get(id);
      const text = meta ? loadTexts(this.db, [id]).get(id) : undefined;
      if (meta && text !== undefined) this.grams.add(id, meta.stamp, haystackOf(text, meta));
      this.pending.delete(id);
      done += 1;
      if (done >= limit || performance.now() - started >= budgetMs) break;
    }
    if (this.grams.wasteful) this.grams.compact();
    this.gramsDirty = true;
    this.postingsChanged();
    if (this.pending.size === 0) this.scheduleSave();
  }

  /** Imports saved word index parts for about `budgetMs`; a damaged part means a rebuild. */
  private importWordsStep(budgetMs: number): void {
    const started = performance.now();
    try {
      while (this.wordParts.length > 0 && performance.now() - started < budgetMs) {
        const next = this.wordParts.shift() as string | [string, string];
        const [key, data] = typeof next === 'string' ? readWordPart(next) : next;
        // A large part (saved before parts were cut) is cut now and imported over several steps.
        const slices =
          key.endsWith('.map') && data.length > 2 * WORD_PART_CHARS
            ? splitJsonArray(data, WORD_PART_CHARS)
            : [data];
        if (slices.length > 1) {
          this.wordsDirty = true; // saved again in small parts
          this.wordParts.unshift(...slices.map((slice): [string, string] => [key, slice]));
          continue;
        }
        this.words?.importPart(key, data);
      }
      if (this.wordParts.length === 0 && this.wordsDirty) this.scheduleSave();
    } catch {
      this.rebuildWords();
    }
  }

  /** Cuts and adds the words of letters waiting for the word index, for about `budgetMs`. */
  private wordsStep(budgetMs: number): void {
    const started = performance.now();
    const limit = this.options.chunkSize ?? 500;
    const path = this.dictionary?.path ?? null;
    if (this.jiebaStale) reloadJieba({ userDictionary: path });
    this.jiebaStale = false;
    loadJieba({ userDictionary: path });
    let done = 0;
    for (const id of this.wordsPending) {
      const meta = this.metas.get(id);
      const text = meta ? loadTexts(this.db, [id]).get(id) : undefined;
      if (meta && text !== undefined && this.words) {
        const title = [meta.title, meta.proposalTitle].filter(Boolean).join('\n');
        this.words.add(id, wordTokens(title), wordTokens(text));
        this.wordsDirty = true;
      }
      this.wordsPending.delete(id);
      done += 1;
      if (done >= limit || performance.now() - started >= budgetMs) break;
    }
    if (this.wordsPending.size === 0 && this.wordsDirty) this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.closed || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, 3000);
    this.saveTimer.unref();
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The warm-up searches (see warmUpStep), from a letter of the archive: none when it is empty. */
function warmUpQueries(meta: LetterMeta | undefined): string[] {
  if (!meta) return [];
  const runs = [...`${meta.titleKey}\n${meta.proposalTitleKey}`.matchAll(/\p{Script=Han}{4,}/gu)];
  const run = runs.map((match) => match[0]).join('');
  const queries = [
    run.slice(0, 2),
    run.slice(2, 4),
    run.slice(1, 4),
    `${run.slice(0, 2)} ${run.slice(2, 4)}`,
  ];
  if (meta.proposalNumber) queries.push(meta.proposalNumber);
  if (meta.year !== null) queries.push(`年:${meta.year}`);
  return queries.filter((query) => query.trim().length >= 2);
}

/** What a letter is searched in: its text, title and proposal title (apart, so no n-gram spans two). */
function haystackOf(text: string, meta: LetterMeta): string {
  return `${text}\n${meta.title ?? ''}\n${meta.proposalTitle ?? ''}`;
}

/** Keeps at most `size` entries, dropping the oldest. */
function remember<V>(cache: Map<string, V>, key: string, value: V, size = CACHE_SIZE): void {
  cache.set(key, value);
  if (cache.size > size) cache.delete(cache.keys().next().value as string);
}

function summaryOf(meta: LetterMeta): LetterSummary {
  return {
    id: meta.id,
    fileName: meta.fileName,
    title: meta.title,
    issuer: meta.issuer,
    session: meta.session,
    proposalNumber: meta.proposalNumber,
    category: meta.category,
    date: meta.date,
    topic: meta.topic,
    tags: meta.tags,
  };
}
