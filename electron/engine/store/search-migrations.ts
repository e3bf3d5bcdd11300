import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

/**
 * Version 3 created the search's bigram postings in SQLite FTS5 (search_bigrams, contentless, and
 * search_indexed, the stamps they covered). Search now holds doc-level n-gram postings in memory and
 * in files of the archive folder (search/gram-index.ts, search/gram-store.ts say why): the migration
 * creates nothing any more, and SearchService drops the two tables of archives made before, once.
 */
export function dropRetiredSearchTables(db: Database): void {
  const present = db
    .prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('search_bigrams', 'search_indexed')")
    .pluck()
    .get() as number;
  if (present === 0) return;
  db.exec('DROP TABLE IF EXISTS search_bigrams; DROP TABLE IF EXISTS search_indexed;');
}

export const SEARCH_MIGRATIONS: readonly Migration[] = [
  {
    version: 3,
    description: 'search: bigram postings (FTS5; retired, see search/gram-index.ts)',
    up: () => undefined,
  },
];
