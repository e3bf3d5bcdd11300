/**
 * The membership path alone (n-gram postings, no database, no word index), on N generated letters:
 * `HUIHAN_BENCH_GRAM_SIZE=100000 npx tsx bench/search-grams-bench.ts`. Prints build rate, postings
 * memory and file size, load time, and per query class the time to find every letter containing the
 * query (postings, plus the text check for long or mixed terms) beside a brute-force scan of the same
 * texts in memory. It is not the full search (search-bench.ts is); it shows how the core scales.
 */
import { performance } from 'node:perf_hooks';
import { GramIndex } from '../electron/engine/search/gram-index';
import { decodeGrams, encodeGrams } from '../electron/engine/search/gram-store';
import { normalizeForSearch } from '../electron/engine/search/tokenizer';
import { generateLetter } from './letter-generator';
import { queriesFor } from './search-queries';
import { median, percentile } from './stats';

const size = Number(process.env.HUIHAN_BENCH_GRAM_SIZE ?? 100000);
const letters = Array.from({ length: size }, (_, i) => generateLetter(77, i));
const texts = letters.map((letter) => normalizeForSearch(letter.text));
const characters = texts.reduce((sum, text) => sum + text.length, 0);
const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

let started = performance.now();
const index = new GramIndex();
texts.forEach((text, i) => index.add(i + 1, 's', text));
const buildSeconds = (performance.now() - started) / 1000;
const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

started = performance.now();
const file = encodeGrams(index.sections());
const encodeMs = performance.now() - started;
started = performance.now();
const loaded = GramIndex.fromSections(decodeGrams(file));
const loadMs = performance.now() - started;

const lines = [
  `### n 元字串倒排（仅成员判定，无数据库、无分词索引），${size.toLocaleString('en')} 封，${(characters / 1e6).toFixed(0)} M 字`,
  `建立：${buildSeconds.toFixed(1)} s，${(characters / 1e6 / buildSeconds).toFixed(2)} M 字/秒；内存约 ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB（堆 + 类型数组）；倒排自身 ${(index.bytes / 2 ** 20).toFixed(0)} MB`,
  `文件：${(file.length / 2 ** 20).toFixed(0)} MB，写出 ${encodeMs.toFixed(0)} ms，载入（解码 + 建表）${loadMs.toFixed(0)} ms`,
  '| 查询类别 | 倒排 p50 / p95 / 最大 (ms) | 暴力扫描 p50 / p95 / 最大 (ms) | 平均命中 |',
  '|---|---|---|---|',
];
const figures = (samples: number[]) =>
  `${median(samples).toFixed(2)} / ${percentile(samples, 95).toFixed(2)} / ${Math.max(...samples).toFixed(2)}`;
for (const [name, list] of Object.entries(queriesFor(letters))) {
  if (name === '仅筛选') continue;
  const indexed: number[] = [];
  const brute: number[] = [];
  let hits = 0;
  for (const query of list) {
    const terms = query.split(' ');
    started = performance.now();
    let result: number[] | null = null;
    for (const term of terms) {
      const plan = loaded.plan(term);
      let ids = plan ? [...loaded.lettersOf(plan)] : texts.map((_, i) => i + 1);
      if (!plan?.exact)
        ids = ids.filter((id) => (texts[id - 1] as string).includes(normalizeForSearch(term)));
      const set = new Set(ids);
      result = result === null ? ids : result.filter((id) => set.has(id));
    }
    indexed.push(performance.now() - started);
    hits += result?.length ?? 0;
    started = performance.now();
    texts.filter((text) => terms.every((term) => text.includes(term)));
    brute.push(performance.now() - started);
  }
  lines.push(`| ${name} | ${figures(indexed)} | ${figures(brute)} | ${Math.round(hits / list.length)} |`);
}
console.log(lines.join('\n'));
