import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SearchService } from '../electron/engine/search/search-service';
import { insertTexts, openSearchDatabase } from '../electron/engine/search/search-test-support';
import { generateLetter, type GeneratedLetter } from './letter-generator';

export interface BenchArchive {
  dir: string;
  count: number;
  /** Seconds spent building it now; 0 when a cached folder was reused. */
  builtSeconds: number;
  /** Seconds spent bringing a cached archive's search index up to date with the current code. */
  indexSeconds: number;
}

const MARKER = 'ui-bench-ready.json';

/** Builds (or brings up to date) the archive's search index as the engine would, and saves it. */
async function indexAndSave(dir: string): Promise<void> {
  const db = openSearchDatabase(dir);
  const service = new SearchService({ db, dataDir: dir, chunkSize: 500 });
  await service.whenIdle();
  await service.save();
  service.close();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
const STORE = join(import.meta.dirname, '..', 'electron', 'engine', 'store');

/** A fingerprint of the database schema (every migration's source): a cached archive of another is rebuilt. */
function schemaFingerprint(): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(STORE)
    .filter((file) => /migrations\.ts$/u.test(file))
    .sort())
    hash.update(name).update(readFileSync(join(STORE, name)));
  return hash.digest('hex');
}

/**
 * An archive folder of `count` generated letters with its search index built and saved, as the search
 * bench builds one (straight into the database, no files). Cached under the system's temp folder,
 * keyed by seed, size and the schema's migrations, so reruns start at once.
 */
export async function benchArchive(seed: number, count: number): Promise<BenchArchive> {
  const dir = join(tmpdir(), `huihan-ui-bench-${seed}-${count}`);
  const marker = join(dir, MARKER);
  const key = JSON.stringify({ seed, count, schema: schemaFingerprint() });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === key) {
    // The search code may have changed since: bring the saved index up to date now, not in the bench.
    const started = performance.now();
    await indexAndSave(dir);
    return { dir, count, builtSeconds: 0, indexSeconds: (performance.now() - started) / 1000 };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const db = openSearchDatabase(dir);
  for (let from = 0; from < count; from += 1000) {
    const batch = Array.from(
      { length: Math.min(1000, count - from) },
      (_, i) => generateLetter(seed, from + i).text,
    );
    insertTexts(db, batch);
  }
  db.close();
  await indexAndSave(dir);
  writeFileSync(marker, key);
  return { dir, count, builtSeconds: (performance.now() - started) / 1000, indexSeconds: 0 };
}

/** The letters of a bench archive, for drawing queries from them. */
export function benchLetters(seed: number, count: number, sample = 300): GeneratedLetter[] {
  const step = Math.max(1, Math.floor(count / sample));
  return Array.from({ length: Math.min(sample, count) }, (_, i) => generateLetter(seed, i * step));
}
