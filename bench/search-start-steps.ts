/**
 * How long the search's background start-up holds the engine thread at a time, on an archive whose
 * indexes are saved: `npx tsx bench/search-start-steps.ts DIR` (e.g. the folder search-profile.ts
 * built). Prints the event loop's longest stall and its p99 while the letters, postings and word index
 * load, and how long the start-up took in all.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SearchService } from '../electron/engine/search/search-service';
import { openSearchDatabase } from '../electron/engine/search/search-test-support';

const [dir = '/tmp/huihan-search-profile'] = process.argv.slice(2);
const db = openSearchDatabase(dir);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
const service = new SearchService({ db, dataDir: dir });
// The longest step of each kind (private methods, timed from outside).
const longest = new Map<string, number>();
const methods = service as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const name of [
  'startStep',
  'indexStep',
  'warm',
  'hashWordsStep',
  'importWordsStep',
  'wordsStep',
  'loadPostings',
  'loadWordIndex',
]) {
  const original = methods[name] as (...args: unknown[]) => unknown;
  methods[name] = (...args: unknown[]) => {
    const at = performance.now();
    const result = original.apply(service, args);
    longest.set(name, Math.max(longest.get(name) ?? 0, performance.now() - at));
    return result;
  };
}
await service.whenIdle();
const totalMs = performance.now() - started;
delay.disable();
console.log(
  `后台启动（载入元数据、n 元倒排、分词索引）：共 ${totalMs.toFixed(0)} ms；事件循环最长阻塞 ${(delay.max / 1e6).toFixed(0)} ms，p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms；重建中：${service.rebuilding}`,
);
console.log([...longest].map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join('，'));
await service.save();
service.close();
db.close();
