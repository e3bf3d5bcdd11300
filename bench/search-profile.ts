/**
 * Where a search's time goes, per query class: `npx tsx bench/search-profile.ts DIR [COUNT]`.
 * Builds a generated archive in DIR once (kept between runs), then runs each query class once per
 * query (as search-bench does) and prints, per class, wall-clock p50 / p95 / max, CPU time p50 / p95
 * (less disturbed by other processes on a shared machine) and the median of each part of a search:
 * select (parse, postings, set algebra, filters), rank (scores, order, page), snippets, facets.
 * PROFILE_CPU=1 adds the functions with the most self time (V8 CPU profile).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SearchService } from '../electron/engine/search/search-service';
import { insertTexts, openSearchDatabase } from '../electron/engine/search/search-test-support';
import { generateLetter } from './letter-generator';
import { queriesFor } from './search-queries';
import { median, percentile } from './stats';

const [dir = '/tmp/huihan-search-profile', countArg = '10000'] = process.argv.slice(2);
const count = Number(countArg);

const fresh = !existsSync(join(dir, 'ready'));
mkdirSync(dir, { recursive: true });
const db = openSearchDatabase(dir);
const letters = Array.from({ length: count }, (_, i) => generateLetter(77, i));
if (fresh) {
  for (let from = 0; from < count; from += 1000) {
    insertTexts(
      db,
      letters.slice(from, from + 1000).map((letter) => letter.text),
    );
  }
}
const parts = new Map<string, number[]>();
let current: Record<string, number> = {};
let started = performance.now();
const service = new SearchService({
  db,
  dataDir: dir,
  trace: (part, ms) => {
    current[part] = (current[part] ?? 0) + ms;
  },
});
await service.whenIdle();
console.log(`open + ${fresh ? 'build' : 'load'}: ${(performance.now() - started).toFixed(0)} ms`);
await service.save();
if (fresh) writeFileSync(join(dir, 'ready'), '');

const repeat = Number(process.env.PROFILE_REPEAT ?? 1);
const session = process.env.PROFILE_CPU ? new Session() : null;
session?.connect();
await session?.post('Profiler.enable');
const f = (samples: number[]) =>
  `${median(samples).toFixed(1)} / ${percentile(samples, 95).toFixed(1)} / ${Math.max(...samples).toFixed(1)}`;
console.log('| class | wall p50 / p95 / max | cpu p50 / p95 | select | rank | snippets | facets | hits |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, list] of Object.entries(queriesFor(letters))) {
  const wall: number[] = [];
  const cpu: number[] = [];
  parts.clear();
  let hits = 0;
  await session?.post('Profiler.start');
  for (const query of list) {
    // PROFILE_REPEAT=n: each query n times uncached, keeping the fastest (noise from other processes).
    let best: { wall: number; cpu: number; parts: Record<string, number> } | null = null;
    for (let round = 0; round < repeat; round += 1) {
      service.clearCaches();
      current = {};
      const cpuStart = process.cpuUsage();
      started = performance.now();
      const result = service.search({ query, sort: 'relevance', offset: 0, limit: 50 });
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(cpuStart);
      if (round === 0) hits += result.total;
      if (!best || elapsed < best.wall)
        best = { wall: elapsed, cpu: (used.user + used.system) / 1000, parts: current };
    }
    if (!best) continue;
    if (process.env.PROFILE_VERBOSE) {
      const detail = Object.entries(best.parts).map(([k, v]) => `${k} ${v.toFixed(2)}`);
      console.log(`    ${query}: ${best.wall.toFixed(2)} ms (${detail.join(', ')})`);
    }
    wall.push(best.wall);
    cpu.push(best.cpu);
    for (const [part, ms] of Object.entries(best.parts)) parts.set(part, [...(parts.get(part) ?? []), ms]);
  }
  const part = (key: string) => median(parts.get(key) ?? [0]).toFixed(2);
  console.log(
    `| ${name} | ${f(wall)} | ${median(cpu).toFixed(1)} / ${percentile(cpu, 95).toFixed(1)} | ${part('select')} | ${part('rank')} | ${part('snippets')} | ${part('facets')} | ${Math.round(hits / list.length)} |`,
  );
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const deltas = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      if (!frame) return;
      const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
    });
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
    }
  }
}
service.close();
db.close();
