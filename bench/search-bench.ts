import type { Database } from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SearchService } from '../electron/engine/search/search-service';
import { insertTexts, openSearchDatabase } from '../electron/engine/search/search-test-support';
import { normalizeForSearch } from '../electron/engine/search/tokenizer';
import { generateLetter, type GeneratedLetter } from './letter-generator';
import { queriesFor } from './search-queries';
import { median, percentile } from './stats';

function folderSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * The brute-force truth the index is measured against: String.includes over every text, all terms;
 * the filters of the filter-only class (年: 类别:) over the letters' facts, one letter at a time.
 */
function bruteForce(letters: GeneratedLetter[], texts: string[], query: string): number {
  const parts = query.split(' ');
  const terms = parts.filter((term) => !term.includes(':'));
  const filters = parts
    .filter((part) => part.includes(':'))
    .map((part) => {
      const [field = '', value = ''] = part.split(':');
      return field === '年'
        ? (letter: GeneratedLetter) => letter.facts.date.startsWith(value)
        : (letter: GeneratedLetter) => letter.facts.category === value;
    });
  let count = 0;
  texts.forEach((text, index) => {
    const letter = letters[index] as GeneratedLetter;
    if (filters.every((test) => test(letter)) && terms.every((term) => text.includes(term))) count += 1;
  });
  return count;
}

async function benchArchive(count: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'huihan-search-bench-'));
  const lines: string[] = [`### ${count.toLocaleString('en')} 封回函`];
  try {
    const db: Database = openSearchDatabase(dir);
    const letters: GeneratedLetter[] = [];
    let characters = 0;
    const insertStarted = performance.now();
    for (let from = 0; from < count; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - from) }, (_, i) =>
        generateLetter(77, from + i),
      );
      letters.push(...batch);
      characters += batch.reduce((sum, letter) => sum + letter.text.length, 0);
      insertTexts(
        db,
        batch.map((letter) => letter.text),
      );
    }
    lines.push(
      `生成并入库（直接写入数据库）：${((performance.now() - insertStarted) / 1000).toFixed(1)} s，共 ${(characters / 1e6).toFixed(1)} M 字`,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = folderSize(dir);

    // Build: n-gram postings and word index (FlexSearch), as the background rebuild does it.
    const buildStarted = performance.now();
    const service = new SearchService({ db, dataDir: dir, chunkSize: 500 });
    await service.whenIdle();
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    await service.save();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const indexBytes = folderSize(dir) - sizeBefore;
    const gramBytes = ['search-grams.bin', 'search-grams.manifest.json'].reduce(
      (sum, name) => sum + statSync(join(dir, name)).size,
      0,
    );
    const wordBytes = ['search-words.ndjson', 'search-words.manifest.json'].reduce(
      (sum, name) => sum + statSync(join(dir, name)).size,
      0,
    );
    lines.push(
      `建索引（n 元字串倒排 + 分词 FlexSearch，后台分片）：${buildSeconds.toFixed(1)} s，${(characters / 1e6 / buildSeconds).toFixed(2)} M 字/秒`,
      `索引占用磁盘：${(gramBytes / 2 ** 20).toFixed(0)} MB（n 元字串倒排文件）+ ${(wordBytes / 2 ** 20).toFixed(0)} MB（分词索引文件）+ ${((indexBytes - gramBytes - wordBytes) / 2 ** 20).toFixed(0)} MB（数据库增长）`,
    );

    service.close();
    db.close();

    // Latency per query class, measured in a process of its own (as the engine runs), beside a
    // brute-force scan of the same texts held in memory here.
    const texts = letters.map((letter) => normalizeForSearch(letter.text));
    const byClass = queriesFor(letters);
    const queriesFile = join(dir, 'bench-queries.json');
    writeFileSync(queriesFile, JSON.stringify(byClass));
    // Each run a fresh process (first searches after start included); the figures are the medians over
    // the runs of each run's p50 / p95 / max, with the range of the p95s (the machine is shared).
    const queryRuns = Number(process.env.HUIHAN_BENCH_QUERY_RUNS ?? 3);
    const measured = Array.from(
      { length: queryRuns },
      () =>
        JSON.parse(
          execFileSync(
            process.execPath,
            ['--import', 'tsx', join(import.meta.dirname, 'search-queries-child.ts'), dir, queriesFile],
            { encoding: 'utf8', maxBuffer: 2 ** 26 },
          ).trim(),
        ) as { classes: Record<string, { ms: number[]; hits: number[] }>; rssMb: number },
    );
    lines.push(
      `查询在独立进程中运行 ${queryRuns} 次（每次新进程），下表为各次 p50 / p95 / 最大值的中位数，括号内为 p95 的范围；暴力扫描为本进程内逐封 String.includes（仅筛选类：逐封比对年份和类别）。`,
      '| 查询类别 | 索引 p50 / p95 / 最大 (ms) | 暴力扫描 p50 / p95 / 最大 (ms) | p95 倍数 | 平均命中 |',
      '|---|---|---|---|---|',
    );
    for (const [name, list] of Object.entries(byClass)) {
      const samples = measured.map((run) => run.classes[name]?.ms ?? []);
      const p95s = samples.map((ms) => percentile(ms, 95));
      const indexed = {
        p50: median(samples.map((ms) => median(ms))),
        p95: median(p95s),
        max: median(samples.map((ms) => Math.max(...ms))),
      };
      const hits = measured[0]?.classes[name]?.hits ?? [];
      const brute = list.map((query) => {
        const started = performance.now();
        bruteForce(letters, texts, query);
        return performance.now() - started;
      });
      const bruteFigures = `${median(brute).toFixed(1)} / ${percentile(brute, 95).toFixed(1)} / ${Math.max(...brute).toFixed(1)}`;
      lines.push(
        `| ${name} | ${indexed.p50.toFixed(1)} / ${indexed.p95.toFixed(1)} (${Math.min(...p95s).toFixed(1)}–${Math.max(...p95s).toFixed(1)}) / ${indexed.max.toFixed(1)} | ${bruteFigures} | ${(percentile(brute, 95) / indexed.p95).toFixed(0)}× | ${Math.round(hits.reduce((a, b) => a + b, 0) / Math.max(1, hits.length))} |`,
      );
    }
    lines.push(
      `查询进程内存 RSS（查询后，含映射的数据库页）：${median(measured.map((run) => run.rssMb)).toFixed(0)} MB`,
    );

    // Cold start in a fresh process: engine open → first result; then the word index loaded; RSS.
    const child = (): { firstResultMs: number; wordsReadyMs: number; rebuilt: boolean; rssMb: number } =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(import.meta.dirname, 'search-cold-start.ts'), dir],
          {
            encoding: 'utf8',
          },
        ).trim(),
      ) as { firstResultMs: number; wordsReadyMs: number; rebuilt: boolean; rssMb: number };
    const runs = [child(), child(), child()];
    lines.push(
      `冷启动（引擎打开 → 首个结果，3 次中位数）：${median(runs.map((run) => run.firstResultMs)).toFixed(0)} ms；分词索引载入完成：${median(runs.map((run) => run.wordsReadyMs)).toFixed(0)} ms`,
      `引擎内存 RSS（分词索引载入后）：${median(runs.map((run) => run.rssMb)).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

/** `npm run bench`: search figures on generated archives (HUIHAN_BENCH_SEARCH_SIZES, default 10000). */
export async function benchSearch(
  sizes: number[] = (process.env.HUIHAN_BENCH_SEARCH_SIZES ?? '10000').split(',').map(Number),
): Promise<string[]> {
  const lines = ['## 搜索'];
  for (const size of sizes) lines.push(...(await benchArchive(size)));
  return lines;
}

if (process.argv[1] === import.meta.filename) {
  console.log((await benchSearch()).join('\n'));
}
