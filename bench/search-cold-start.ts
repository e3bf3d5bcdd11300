/**
 * Child process of search-bench: opens the engine on an archive, times engine open → first search
 * result, then waits for the word index to load and reports the engine's RSS. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { Archive } from '../electron/engine/archive';

const [dataDir = '', query = '人才'] = process.argv.slice(2);
const started = performance.now();
const archive = Archive.open({ dataDir });
await archive.handle('search', { query });
const firstResultMs = performance.now() - started;
await archive.search.whenIdle();
const wordsReadyMs = performance.now() - started;
const rebuilt = archive.search.rebuilding;
archive.close();
console.log(
  JSON.stringify({ firstResultMs, wordsReadyMs, rebuilt, rssMb: process.memoryUsage().rss / 2 ** 20 }),
);
