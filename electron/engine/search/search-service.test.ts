import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Random } from '../../../bench/random';
import { temporaryFolder } from '../test-support';
import { generatedTexts, insertTexts, openSearchDatabase } from './search-test-support';
import { SearchService, type SearchArgs } from './search-service';
import { normalizeForSearch } from './tokenizer';

const args = (query: string, extra: Partial<SearchArgs> = {}): SearchArgs => ({
  query,
  sort: 'relevance',
  offset: 0,
  limit: 1000,
  ...extra,
});

let folder: ReturnType<typeof temporaryFolder>;
let db: Database;
let service: SearchService | null = null;

beforeEach(() => {
  folder = temporaryFolder('huihan-search');
  db = openSearchDatabase(folder.path);
});

afterEach(() => {
  service?.close();
  service = null;
  db.close();
  folder.remove();
});

function texts(): Map<number, string> {
  const rows = db.prepare('SELECT letter_id, text FROM letter_texts').all() as Array<{
    letter_id: number;
    text: string;
  }>;
  return new Map(rows.map((row) => [row.letter_id, normalizeForSearch(row.text)]));
}

function truth(all: Map<number, string>, term: string): number[] {
  const needle = normalizeForSearch(term);
  return [...all].filter(([, text]) => text.includes(needle)).map(([id]) => id);
}

const found = (query: string) =>
  service!
    .search(args(query))
    .hits.map((hit) => hit.id)
    .sort((a, b) => a - b);

/** Random substrings of 2–6 characters of Chinese runs in the letters (what a user types). */
function sampleTerms(all: Map<number, string>, count: number, seed: number): string[] {
  const random = new Random(seed);
  const list = [...all.values()];
  const out: string[] = [];
  while (out.length < count) {
    const text = random.pick(list);
    const length = random.int(2, 6);
    const start = random.int(0, text.length - length);
    const term = text.slice(start, start + length);
    if (/^[\p{Script=Han}]+$/u.test(term)) out.push(term);
  }
  return out;
}

describe('SearchService on generated letters', () => {
  beforeEach(async () => {
    insertTexts(db, generatedTexts(7, 120));
    service = new SearchService({ db, dataDir: folder.path, words: false });
    await service.whenIdle();
  });

  it('finds every letter containing a 2–6 character string, and only those (n-grams + check)', () => {
    const all = texts();
    for (const term of sampleTerms(all, 150, 3)) {
      expect(found(term), term).toEqual(truth(all, term));
      expect(found(`"${term}"`), term).toEqual(truth(all, term));
    }
  });

  it('finds mixed strings across digits and punctuation exactly', () => {
    const all = texts();
    const random = new Random(11);
    const list = [...all.values()];
    let checked = 0;
    while (checked < 80) {
      const text = random.pick(list);
      const start = random.int(0, text.length - 8);
      const term = text.slice(start, start + random.int(3, 8));
      // Digits and Latin runs are whole tokens: a term must not start or end inside one.
      if (!/\d/u.test(term) || /[\s"“”:：「-]/u.test(term)) continue;
      if (!/^\p{Script=Han}.*\p{Script=Han}$/u.test(term)) continue;
      expect(found(`"${term}"`), term).toEqual(truth(all, term));
      checked += 1;
    }
  });

  it('combines words (AND), OR and exclusions as sets', () => {
    const all = texts();
    const a = new Set(truth(all, '人才'));
    const b = new Set(truth(all, '教育'));
    const both = [...a].filter((id) => b.has(id)).sort((x, y) => x - y);
    const either = [...new Set([...a, ...b])].sort((x, y) => x - y);
    const without = [...a].filter((id) => !b.has(id)).sort((x, y) => x - y);
    expect(found('人才 教育')).toEqual(both);
    expect(found('人才 OR 教育')).toEqual(either);
    expect(found('人才 -教育')).toEqual(without);
  });

  it('filters by proposal number (018 ≡ 18), year, category and department as exact fields', () => {
    const rows = db
      .prepare('SELECT id, proposal_key, year, category, issuer FROM letters WHERE proposal_key IS NOT NULL')
      .all() as Array<{ id: number; proposal_key: string; year: number; category: string; issuer: string }>;
    const sample = rows[0]!;
    const number = sample.proposal_key.replace(/^0+/u, '');
    const withNumber = rows.filter((row) => row.proposal_key === sample.proposal_key).map((row) => row.id);
    expect(found(`号:${number}`)).toEqual(withNumber.sort((a, b) => a - b));
    expect(found(`号:0${number}`)).toEqual(withNumber.sort((a, b) => a - b));
    const inYear = service!.search(args(`年:${sample.year}`));
    expect(inYear.total).toBe(rows.filter((row) => row.year === sample.year).length);
    expect(inYear.hint).toBeNull();
    const category = service!.search(args(`类别:${sample.category}`));
    expect(category.facets.category).toEqual([{ value: sample.category, count: category.total }]);
    const department = service!.search(args(`部门:${sample.issuer}`));
    expect(department.hits.every((hit) => hit.issuer?.includes(sample.issuer))).toBe(true);
  });

  it('returns facets over the whole result, snippets with highlights from the raw text, and pages', () => {
    const result = service!.search(args('人才', { limit: 5, offset: 2 }));
    expect(result.hits).toHaveLength(5);
    const yearTotal = result.facets.year.reduce((sum, facet) => sum + facet.count, 0);
    expect(yearTotal).toBe(result.total);
    for (const hit of result.hits) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of hit.highlights) expect(hit.snippet.slice(start, end)).toBe('人才');
    }
    const all = service!.search(args('人才')).hits.map((hit) => hit.id);
    expect(result.hits.map((hit) => hit.id)).toEqual(all.slice(2, 7));
  });

  it('sorts by date and by proposal number', () => {
    const byDate = service!.search(args('工作', { sort: 'date' })).hits.map((hit) => hit.date ?? '');
    expect(byDate).toEqual([...byDate].sort().reverse());
    const rows = service!.search(args('工作', { sort: 'number' })).hits;
    const keys = rows.map((hit) => hit.id);
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('ranks letters with the term in their title first', () => {
    const result = service!.search(args('人才'));
    const firstWithoutTitle = result.hits.findIndex((hit) => !(hit.title ?? '').includes('人才'));
    const lastWithTitle = result.hits.map((hit) => (hit.title ?? '').includes('人才')).lastIndexOf(true);
    if (lastWithTitle !== -1 && firstWithoutTitle !== -1)
      expect(lastWithTitle).toBeLessThan(firstWithoutTitle);
  });

  it('answers a malformed query with a hint, never an exception', () => {
    for (const query of ['"人才', '人才 -', '号:', '- -', '""', '：', '年:abc']) {
      const result = service!.search(args(query));
      expect(result.hint, query).not.toBeNull();
    }
  });

  it('forgets removed letters and indexes changed ones', async () => {
    const before = found('人才');
    const gone = before[0]!;
    db.prepare('DELETE FROM letters WHERE id = ?').run(gone);
    service!.removeLetters([gone]);
    expect(found('人才')).not.toContain(gone);
    const [added] = insertTexts(db, ['关于乐芳均委员提出的瀚海星图计划的答复函，特此函复。']);
    service!.indexLetters([added!]);
    expect(found('瀚海星图')).toEqual([added]);
    await service!.whenIdle();
    expect(found('瀚海星图')).toEqual([added]);
    expect(found('星图')).toEqual([added]);
  });

  it('suggests departments by prefix, most frequent first', () => {
    const issuer = (
      db.prepare('SELECT issuer FROM letters WHERE issuer IS NOT NULL LIMIT 1').get() as {
        issuer: string;
      }
    ).issuer;
    const suggestions = service!.suggest({ field: 'department', prefix: issuer.slice(0, 2), limit: 10 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((value) => value.includes(issuer.slice(0, 2)))).toBe(true);
  });
});

describe('SearchService while the index is missing', () => {
  it('answers completely through the brute-force path and says it is rebuilding', async () => {
    insertTexts(db, generatedTexts(9, 40));
    service = new SearchService({ db, dataDir: folder.path, words: false });
    const all = texts();
    const slow = service.search(args('人才'));
    expect(slow.hint).toContain('重建');
    expect(slow.hits.map((hit) => hit.id).sort((a, b) => a - b)).toEqual(truth(all, '人才'));
    await service.whenIdle();
    const fast = service.search(args('人才'));
    expect(fast.hint).toBeNull();
    expect(fast.total).toBe(slow.total);
  });
});

describe('ranked results kept between calls', () => {
  it('page through one order, repeat hints once, and rank again once the word index is in', async () => {
    insertTexts(db, generatedTexts(11, 60));
    service = new SearchService({ db, dataDir: folder.path });
    // Before the word index is built, the first search ranks by titles only; once built, by words too.
    const early = service.search(args('人才'));
    await service.whenIdle();
    const whole = service.search(args('人才'));
    expect(whole.total).toBe(early.total);
    expect(whole.hits.some((hit) => hit.score > 0 && !(hit.title ?? '').includes('人才'))).toBe(true);
    const paged: number[] = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      paged.push(...service.search(args('人才', { offset, limit: 7 })).hits.map((hit) => hit.id));
    }
    expect(paged).toEqual(whole.hits.map((hit) => hit.id));
    expect(service.resultIds('人才', 'relevance')).toEqual(paged);
    // A hint is said once, however often the same query is asked.
    const first = service.search(args('人才 -'));
    expect(first.hint).not.toBeNull();
    expect(service.search(args('人才 -')).hint).toBe(first.hint);
    // A tag changes the letter's metadata: the kept result and its facets follow.
    const tagged = whole.hits[0]!.id;
    db.prepare("INSERT INTO letter_tags (letter_id, tag) VALUES (?, '重点')").run(tagged);
    service.indexLetters([tagged]);
    const byTag = service.search(args('人才 标签:重点'));
    expect(byTag.hits.map((hit) => hit.id)).toEqual([tagged]);
    expect(service.search(args('人才')).facets.tag).toEqual([{ value: '重点', count: 1 }]);
  });
});

describe('the word index on disk', () => {
  it('is saved with a manifest, loaded when current, rebuilt when stale or corrupt', async () => {
    insertTexts(db, generatedTexts(5, 15));
    service = new SearchService({ db, dataDir: folder.path });
    await service.whenIdle();
    expect(service.rebuilding).toBe(false);
    await service.save();
    service.close();
    const manifest = JSON.parse(readFileSync(join(folder.path, 'search-words.manifest.json'), 'utf8')) as {
      letterCount: number;
    };
    expect(manifest.letterCount).toBe(15);

    service = new SearchService({ db, dataDir: folder.path });
    await service.whenIdle();
    expect(service.rebuilding).toBe(false);
    expect(service.search(args('人才')).hits[0]!.score).toBeGreaterThan(0);
    service.close();

    writeFileSync(join(folder.path, 'search-words.ndjson'), 'garbage');
    service = new SearchService({ db, dataDir: folder.path });
    await new Promise((resolve) => setImmediate(resolve));
    expect(service.rebuilding).toBe(true);
    await service.whenIdle();
    expect(service.rebuilding).toBe(false);
  });

  it('writes the user dictionary with departments and proposers (in the background, once letters are read)', async () => {
    insertTexts(db, generatedTexts(5, 5));
    service = new SearchService({ db, dataDir: folder.path, words: false, customTerms: ['自定义词语'] });
    expect(existsSync(join(folder.path, 'search-dict.utf8'))).toBe(false);
    await service.whenIdle();
    const dictionary = readFileSync(join(folder.path, 'search-dict.utf8'), 'utf8');
    expect(dictionary).toMatch(/^自定义词语 \d+ nz$/mu);
    const issuer = (
      db.prepare('SELECT issuer FROM letters WHERE issuer IS NOT NULL LIMIT 1').get() as {
        issuer: string;
      }
    ).issuer;
    expect(dictionary).toContain(`${issuer} `);
  });
});

describe('the n-gram postings on disk', () => {
  const postingsFile = () => join(folder.path, 'search-grams.bin');

  it('are saved with a manifest and loaded; a letter changed behind their back is re-indexed alone', async () => {
    const ids = insertTexts(db, generatedTexts(5, 20));
    service = new SearchService({ db, dataDir: folder.path, words: false });
    await service.whenIdle();
    await service.save();
    service.close();
    const manifest = JSON.parse(readFileSync(join(folder.path, 'search-grams.manifest.json'), 'utf8')) as {
      letterCount: number;
      schemaVersion: number;
    };
    expect(manifest.letterCount).toBe(20);
    const changed = ids[3]!;
    db.prepare('UPDATE letter_texts SET text = ? WHERE letter_id = ?').run(
      '关于瀚海星图计划的答复函',
      changed,
    );
    db.prepare("UPDATE letters SET sha256 = 'changed' WHERE id = ?").run(changed);

    service = new SearchService({ db, dataDir: folder.path, words: false });
    // The first search completes the load in its call; the changed letter is scanned meanwhile.
    expect(found('瀚海星图')).toEqual([changed]);
    expect(service.backlog).toBe(1);
    await service.whenIdle();
    expect(service.backlog).toBe(0);
    expect(found('瀚海星图')).toEqual([changed]);
    // (Its title and proposal title still come from the fields parsed before, so only the others compare.)
    expect(found('人才').filter((id) => id !== changed)).toEqual(truth(texts(), '人才'));
  });

  it('are rebuilt in the background when corrupt or of another schema, answering completely meanwhile', async () => {
    insertTexts(db, generatedTexts(6, 25));
    service = new SearchService({ db, dataDir: folder.path, words: false });
    await service.whenIdle();
    await service.save();
    service.close();
    const all = texts();

    for (const damage of [
      () => writeFileSync(postingsFile(), 'garbage'),
      () => writeFileSync(postingsFile(), readFileSync(postingsFile()).subarray(0, 100)),
      () => {
        const path = join(folder.path, 'search-grams.manifest.json');
        const manifest = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number };
        writeFileSync(path, JSON.stringify({ ...manifest, schemaVersion: 999 }));
      },
    ]) {
      damage();
      service = new SearchService({ db, dataDir: folder.path, words: false });
      const slow = service.search(args('人才'));
      expect(slow.hint).toContain('重建');
      expect(service.backlog).toBe(25);
      expect(slow.hits.map((hit) => hit.id).sort((a, b) => a - b)).toEqual(truth(all, '人才'));
      await service.whenIdle();
      const fast = service.search(args('人才'));
      expect(fast.hint).toBeNull();
      expect(fast.total).toBe(slow.total);
      await service.save();
      service.close();
    }
  });
});

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'letters');

describe.skipIf(!existsSync(CORPUS))('SearchService on the shared corpus', () => {
  it('finds every corpus letter containing sampled strings, and only those', async () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));
    insertTexts(db, [...new Set(files.map((name) => readFileSync(join(CORPUS, name), 'utf8')))]);
    service = new SearchService({ db, dataDir: folder.path, words: false });
    await service.whenIdle();
    const all = texts();
    for (const term of sampleTerms(all, 200, 17)) {
      expect(found(`"${term}"`), term).toEqual(truth(all, term));
    }
  });
});
if (!existsSync(CORPUS)) console.log(`跳过语料库搜索测试：未找到 ${CORPUS}`);
