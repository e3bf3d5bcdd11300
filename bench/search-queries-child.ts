/**
 * Child process of search-bench: opens the search of an archive in a process of its own, as the
 * engine does (a bench process holding 100,000 generated letters has a heap three times the engine's,
 * and the garbage collector's pauses with it), waits for the background load, then runs the queries of
 * a JSON file ({class: [query, …]}) once each, in order, and prints one JSON line: per class the
 * milliseconds of each search and the hits, and the process's RSS after them.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SearchService } from '../electron/engine/search/search-service';
import { openSearchDatabase } from '../electron/engine/search/search-test-support';

const [dataDir = '', queriesFile = ''] = process.argv.slice(2);
const byClass = JSON.parse(readFileSync(queriesFile, 'utf8')) as Record<string, string[]>;
const db = openSearchDatabase(dataDir);
const service = new SearchService({ db, dataDir });
await service.whenIdle();
const out: Record<string, { ms: number[]; hits: number[] }> = {};
for (const [name, queries] of Object.entries(byClass)) {
  const ms: number[] = [];
  const hits: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const result = service.search({ query, sort: 'relevance', offset: 0, limit: 50 });
    ms.push(performance.now() - started);
    hits.push(result.total);
  }
  out[name] = { ms, hits };
}
const rssMb = process.memoryUsage().rss / 2 ** 20;
service.close();
db.close();
console.log(JSON.stringify({ classes: out, rssMb }));
