/**
 * Settings figures: moving an archive (copy + verify, MB/s) and changing the custom dictionary (jieba
 * reload, re-cutting every letter's words, and search latency while that runs). Prints medians; never
 * asserts. Run alone: npx tsx bench/settings-bench.ts
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { copyArchiveFiles, listArchiveFiles, verifyArchiveCopy } from '../electron/common/archive-copy';
import { loadJieba, reloadJieba } from '../electron/engine/search/jieba';
import { SearchService } from '../electron/engine/search/search-service';
import { openSearchDatabase } from '../electron/engine/search/search-test-support';
import { USER_DICTIONARY_FILE } from '../electron/engine/search/user-dictionary';
import { generateLetter } from './letter-generator';
import { median, percentile } from './stats';
import { benchArchive } from './ui-bench-archive';

const COUNT = 1500;
const RUNS = 3;

/** The bench archive plus an original file per letter (content-addressed, as imports keep them). */
function withOriginals(archiveDir: string, work: string): string {
  const source = join(work, 'source');
  cpSync(archiveDir, source, { recursive: true });
  for (let index = 0; index < COUNT; index += 1) {
    const body = Buffer.from(generateLetter(77, index).text);
    const sha = createHash('sha256').update(body).digest('hex');
    mkdirSync(join(source, 'originals', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(source, 'originals', sha.slice(0, 2), sha), body);
  }
  return source;
}

async function benchMove(archiveDir: string, work: string): Promise<string[]> {
  const source = withOriginals(archiveDir, work);
  const files = await listArchiveFiles(source);
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const copySeconds: number[] = [];
  const verifySeconds: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const target = join(work, `move-${run}`);
    const started = performance.now();
    const hashes = await copyArchiveFiles(source, target, files);
    const copied = performance.now();
    const difference = await verifyArchiveCopy(target, files, hashes);
    if (difference) throw new Error(difference);
    copySeconds.push((copied - started) / 1000);
    verifySeconds.push((performance.now() - copied) / 1000);
    rmSync(target, { recursive: true, force: true });
  }
  const mb = bytes / 1024 ** 2;
  return [
    `移动档案（${COUNT} 封，${files.length} 个文件，${mb.toFixed(1)} MB）：复制 ${median(copySeconds).toFixed(2)} s（${(mb / median(copySeconds)).toFixed(0)} MB/s），核对 ${median(verifySeconds).toFixed(2)} s（中位数，${RUNS} 次）`,
  ];
}

async function benchDictionary(source: string, work: string): Promise<string[]> {
  const dir = join(work, 'dictionary');
  cpSync(source, dir, { recursive: true });
  const db = openSearchDatabase(dir);
  const service = new SearchService({ db, dataDir: dir, chunkSize: 500 });
  await service.whenIdle();
  loadJieba({ userDictionary: join(dir, USER_DICTIONARY_FILE) });
  const reloads: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    reloadJieba({ userDictionary: join(dir, USER_DICTIONARY_FILE) });
    reloads.push(performance.now() - started);
  }
  const rebuilds: number[] = [];
  const during: number[] = [];
  for (let run = 0; run < 2; run += 1) {
    const started = performance.now();
    service.setCustomTerms(run % 2 === 0 ? ['蓝鲸湾计划', '人才驿站'] : ['蓝鲸湾计划']);
    while (service.rebuilding) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const asked = performance.now();
      service.search({ query: '人才公寓', sort: 'relevance', offset: 0, limit: 20 });
      during.push(performance.now() - asked);
    }
    await service.whenIdle();
    rebuilds.push((performance.now() - started) / 1000);
  }
  service.close();
  db.close();
  return [
    `自定义词典：jieba 重新载入 ${median(reloads).toFixed(0)} ms（中位数，${RUNS} 次；期间引擎不响应）`,
    `自定义词典：改词后 ${COUNT} 封重新分词 ${median(rebuilds).toFixed(1)} s（2 次中位数）；期间搜索「人才公寓」p50 ${median(during).toFixed(1)} ms，p95 ${percentile(during, 95).toFixed(1)} ms，最长 ${Math.max(...during).toFixed(0)} ms（${during.length} 次）`,
  ];
}

export async function benchSettings(): Promise<string[]> {
  const archive = await benchArchive(77, COUNT);
  const work = mkdtempSync(join(tmpdir(), 'huihan-settings-bench-'));
  try {
    return [...(await benchMove(archive.dir, work)), ...(await benchDictionary(archive.dir, work))];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await benchSettings()).join('\n'));
}
