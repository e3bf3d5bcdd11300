/**
 * Search over the archive, in the engine process.
 *
 * Design decided by measurement (issue 5; bench/search-bench.ts prints the figures on this machine):
 * membership comes from CJK-bigram postings in SQLite FTS5 (store/search-migrations.ts), ranking from
 * jieba words in a FlexSearch Document (word-index.ts). Holding the bigrams in FlexSearch as well was
 * measured before at +394 MB heap, 114 MB exported and 57 s to build for 10,000 letters, and its
 * export must be parsed at every start; in FTS5 the same postings cost nothing to load (they live in
 * the archive database, updated transactionally), answer a phrase exactly, and the word index stays at
 * about a third of the memory. So the first result after start needs no index load at all: until the
 * word index is loaded (or rebuilt) in the background, results rank by title matches and date.
 *
 * Letters not yet in the postings (new, edited, or all of them after a schema change) are scanned by
 * brute force over their text: search is always complete, only slower while the index catches up.
 */
import type { Database } from 'better-sqlite3';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { LetterSummary, SearchHit, SearchResult } from '../../../shared/domain';
import { ensureSearchTables } from '../store/search-migrations';
import { BigramIndex, type BigramSource } from './bigram-index';
import { facetCounts } from './facets';
import { filterPredicate } from './filters';
import { isJiebaLoaded, loadJieba, wordTokens } from './jieba';
import { loadLetterMeta, loadTexts, type LetterMeta } from './letter-meta';
import { parseQuery, type Clause } from './query-parser';
import { snippetFromDatabase } from './snippet';
import { normalizeForSearch, termPhrase } from './tokenizer';
import { dictionaryEntries, dictionaryText, writeUserDictionary } from './user-dictionary';
import { WordIndex } from './word-index';
import { lettersChecksum, loadWords, saveWords, sha1 } from './word-store';

export interface SearchServiceOptions {
  db: Database;
  /** The archive folder, where the word index and the user dictionary are kept. */
  dataDir: string;
  /** The user's own dictionary terms (settings). */
  customTerms?: string[];
  /** Today as YYYY-MM-DD (for 状态:逾期). */
  today?: () => string;
  /** Letters indexed per background step. */
  chunkSize?: number;
  /** Whether to load or build the word index (ranking); the CLI's one-shot searches skip it. */
  words?: boolean;
}

export type SearchArgs = ParsedMethodArgs<'search'>;
export type SuggestArgs = ParsedMethodArgs<'suggest'>;

const isoToday = (): string => new Date().toISOString().slice(0, 10);

export class SearchService {
  private readonly db: Database;
  private readonly bigrams: BigramIndex;
  private readonly metas = new Map<number, LetterMeta>();
  /** Letters whose bigram postings are missing or stale. */
  private readonly pending = new Set<number>();
  /** Letters the word index still lacks (when it exists). */
  private readonly wordsPending = new Set<number>();
  private words: WordIndex | null = null;
  private readonly dictionary: { path: string; checksum: string };
  private timer: NodeJS.Immediate | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private wordsDirty = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: SearchServiceOptions) {
    this.db = options.db;
    ensureSearchTables(this.db);
    this.bigrams = new BigramIndex(this.db);
    for (const meta of loadLetterMeta(this.db, null)) this.metas.set(meta.id, meta);
    const covered = this.bigrams.coveredStamps();
    const orphans = [...covered.keys()].filter((id) => !this.metas.has(id));
    if (orphans.length > 0) this.bigrams.remove(orphans);
    for (const meta of this.metas.values()) {
      if (covered.get(meta.id) !== meta.stamp) this.pending.add(meta.id);
    }
    const text = dictionaryText(dictionaryEntries(this.metas.values(), options.customTerms));
    const written = writeUserDictionary(options.dataDir, text);
    this.dictionary = { path: written.path, checksum: sha1(text) };
    if (options.words !== false) this.timer = setImmediate(() => this.startWords());
    else this.schedule();
  }

  /** Whether the index is catching up (search then scans the letters it lacks). */
  get rebuilding(): boolean {
    return this.pending.size > 0 || this.wordsPending.size > 0;
  }

  /** Letters changed (imported, edited): re-read their fields and index them in the background. */
  indexLetters(ids: number[]): void {
    if (this.closed || ids.length === 0) return;
    const found = loadLetterMeta(this.db, ids);
    const present = new Set(found.map((meta) => meta.id));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length > 0) this.removeLetters(gone);
    for (const meta of found) {
      this.metas.set(meta.id, meta);
      this.pending.add(meta.id);
      if (this.words) this.wordsPending.add(meta.id);
    }
    this.schedule();
  }

  removeLetters(ids: number[]): void {
    if (this.closed || ids.length === 0) return;
    this.bigrams.remove(ids);
    for (const id of ids) {
      this.metas.delete(id);
      this.pending.delete(id);
      this.wordsPending.delete(id);
      this.words?.remove(id);
    }
    this.wordsDirty = true;
    this.scheduleSave();
  }

  /** Brings the bigram postings up to date now, in this call (the CLI's one-shot searches). */
  catchUp(): void {
    while (!this.closed && this.pending.size > 0) this.step(false);
  }

  /** Resolves when the background work (indexing, word index load or build) is done. */
  whenIdle(): Promise<void> {
    if (!this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes the word index now when it changed (normally 3 s after the last change). */
  async save(): Promise<void> {
    if (!this.words || !this.wordsDirty || this.wordsPending.size > 0) return;
    this.wordsDirty = false;
    const parts = await this.words.exportParts();
    saveWords(this.options.dataDir, parts, {
      lettersChecksum: this.coveredChecksum(),
      letterCount: this.words.size,
      dictionaryChecksum: this.dictionary.checksum,
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearImmediate(this.timer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.timer = null;
    this.saveTimer = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  search(args: SearchArgs): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(args.query);
    const memo = new Map<string, Set<number>>();
    const today = (this.options.today ?? isoToday)();
    const clauseIds = (clause: Clause): Set<number> => {
      const key = JSON.stringify(clause);
      let ids = memo.get(key);
      if (!ids) {
        ids =
          clause.kind === 'text'
            ? this.textIds(clause.text)
            : this.metaIds(filterPredicate(this.db, clause.field, clause.value, today));
        memo.set(key, ids);
      }
      return ids;
    };
    let result: Set<number> | null = null;
    for (const group of parsed.groups) {
      const union = new Set<number>();
      for (const clause of group) for (const id of clauseIds(clause)) union.add(id);
      result = result === null ? union : intersect(result, union);
    }
    let ids = result ?? new Set(this.metas.keys());
    if (parsed.excluded.length > 0) {
      const out = new Set<number>();
      for (const clause of parsed.excluded) for (const id of clauseIds(clause)) out.add(id);
      ids = new Set([...ids].filter((id) => !out.has(id)));
    }
    const metas = [...ids].map((id) => this.metas.get(id)).filter((meta): meta is LetterMeta => !!meta);
    const terms = parsed.groups.flat().flatMap((clause) => (clause.kind === 'text' ? [clause.text] : []));
    const scores = this.score(metas, terms);
    sortMetas(metas, args.sort, scores);
    const page = metas.slice(args.offset, args.offset + args.limit);
    const hits: SearchHit[] = page.map((meta) => ({
      ...summaryOf(meta),
      ...snippetFromDatabase(this.db, meta.id, terms),
      score: Math.round((scores.get(meta.id) ?? 0) * 1000) / 1000,
    }));
    const hints = [...parsed.hints];
    for (const term of terms) {
      if (termPhrase(term).fts === null) hints.push(`「${term}」中没有可检索的文字，已逐封比对原文。`);
    }
    if (this.pending.size > 0) {
      hints.push(`搜索索引正在后台重建（还剩 ${this.pending.size} 封），结果完整，但可能较慢。`);
    }
    return {
      total: metas.length,
      hits,
      facets: facetCounts(metas),
      hint: hints.length > 0 ? hints.join(' ') : null,
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  suggest(args: SuggestArgs): string[] {
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

  /** Letters containing `text` verbatim (in the text, title or proposal title); numbers also by 号. */
  private textIds(text: string): Set<number> {
    const phrase = termPhrase(text);
    const ids = new Set<number>();
    if (phrase.fts === null) {
      for (const id of this.scan([...this.metas.keys()], text)) ids.add(id);
      return ids;
    }
    const candidates = this.bigrams.match(phrase.fts).filter((id) => !this.pending.has(id));
    for (const id of phrase.exact ? candidates : this.scan(candidates, text)) ids.add(id);
    for (const id of this.scan([...this.pending], text)) ids.add(id);
    const digits = normalizeForSearch(text);
    if (/^\d+$/u.test(digits)) {
      for (const id of this.metaIds(filterPredicate(this.db, 'number', digits, ''))) ids.add(id);
    }
    return ids;
  }

  /** The brute-force path: the letters among `ids` whose text (or title) contains `text`. */
  private scan(ids: number[], text: string): number[] {
    if (ids.length === 0) return [];
    const needle = normalizeForSearch(text);
    const texts = loadTexts(this.db, ids);
    return ids.filter((id) => {
      const meta = this.metas.get(id);
      const haystack = `${texts.get(id) ?? ''}\n${meta?.title ?? ''}\n${meta?.proposalTitle ?? ''}`;
      return normalizeForSearch(haystack).includes(needle);
    });
  }

  private metaIds(predicate: (meta: LetterMeta) => boolean): Set<number> {
    const ids = new Set<number>();
    for (const meta of this.metas.values()) if (predicate(meta)) ids.add(meta.id);
    return ids;
  }

  /** Relevance: the terms in the title or proposal title weigh most, then the word index's rank. */
  private score(metas: LetterMeta[], terms: string[]): Map<number, number> {
    const scores = new Map<number, number>();
    if (terms.length === 0) return scores;
    const needles = terms.map((term) => normalizeForSearch(term));
    const words = this.words
      ? terms.flatMap((term) => (isJiebaLoaded() ? wordTokens(term) : [normalizeForSearch(term)]))
      : [];
    const wordScores = this.words && words.length > 0 ? this.words.scores(words) : new Map<number, number>();
    for (const meta of metas) {
      let score = wordScores.get(meta.id) ?? 0;
      for (const needle of needles) {
        if (meta.titleKey.includes(needle)) score += 10;
        if (meta.proposalTitleKey.includes(needle)) score += 8;
        if (meta.proposers.some((name) => name.includes(needle)) || (meta.issuer ?? '').includes(needle)) {
          score += 3;
        }
      }
      scores.set(meta.id, score);
    }
    return scores;
  }

  private coveredChecksum(): string {
    return lettersChecksum([...this.metas.values()].map((meta) => [meta.id, meta.stamp]));
  }

  /** Loads the saved word index when it is current, else starts building it in the background. */
  private startWords(): void {
    this.timer = null;
    if (this.closed) return;
    const loaded = loadWords(this.options.dataDir);
    const words = new WordIndex();
    if (
      loaded.state === 'ok' &&
      loaded.manifest.lettersChecksum === this.coveredChecksum() &&
      loaded.manifest.dictionaryChecksum === this.dictionary.checksum
    ) {
      words.importParts(loaded.parts, loaded.manifest.letterCount);
    } else {
      for (const id of this.metas.keys()) this.wordsPending.add(id);
      this.wordsDirty = true;
    }
    this.words = words;
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    if (this.pending.size === 0 && this.wordsPending.size === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    this.timer = setImmediate(() => {
      this.timer = null;
      this.step();
      this.schedule();
    });
  }

  /** One background step: index a chunk of the letters waiting. */
  private step(withWords = true): void {
    if (this.closed) return;
    const size = this.options.chunkSize ?? 100;
    const chunk = new Set<number>();
    for (const id of this.pending) if (chunk.size < size) chunk.add(id);
    if (withWords) for (const id of this.wordsPending) if (chunk.size < size) chunk.add(id);
    const ids = [...chunk];
    const texts = loadTexts(this.db, ids);
    const sources: BigramSource[] = [];
    for (const id of ids) {
      const meta = this.metas.get(id);
      const text = texts.get(id);
      if (!meta || text === undefined) {
        this.pending.delete(id);
        this.wordsPending.delete(id);
        continue;
      }
      const title = [meta.title, meta.proposalTitle].filter(Boolean).join('\n');
      if (this.pending.has(id)) sources.push({ id, stamp: meta.stamp, title, text });
      if (withWords && this.words && this.wordsPending.has(id)) {
        loadJieba({ userDictionary: this.dictionary.path });
        this.words.add(id, wordTokens(title), wordTokens(text));
        this.wordsPending.delete(id);
        this.wordsDirty = true;
      }
    }
    this.bigrams.write(sources);
    for (const source of sources) this.pending.delete(source.id);
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

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}

function sortMetas(metas: LetterMeta[], sort: SearchArgs['sort'], scores: Map<number, number>): void {
  const byDate = (a: LetterMeta, b: LetterMeta) => compare(b.date ?? '', a.date ?? '') || b.id - a.id;
  if (sort === 'date') metas.sort(byDate);
  else if (sort === 'number') {
    metas.sort(
      (a, b) =>
        Number(a.proposalKey === null) - Number(b.proposalKey === null) ||
        compare(a.proposalKey ?? '', b.proposalKey ?? '') ||
        compare(a.sessionKey ?? '', b.sessionKey ?? '') ||
        a.id - b.id,
    );
  } else {
    const decorated = metas.map((meta) => ({ meta, score: scores.get(meta.id) ?? 0 }));
    decorated.sort((a, b) => b.score - a.score || byDate(a.meta, b.meta));
    decorated.forEach((entry, index) => {
      metas[index] = entry.meta;
    });
  }
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
