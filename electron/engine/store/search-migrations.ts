import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

/** Creates the search tables when absent (the migration, and SearchService on an older schema). */
export function ensureSearchTables(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS search_bigrams USING fts5(
      title, body, content = '', contentless_delete = 1, tokenize = 'ascii'
    );
    CREATE TABLE IF NOT EXISTS search_indexed (
      letter_id INTEGER PRIMARY KEY,
      stamp     TEXT NOT NULL
    );
  `);
}

/**
 * The search index's tables, appended to MIGRATIONS:
 * - search_bigrams: FTS5 postings of the bigram tokens (see search/tokenizer.ts), contentless (the
 *   text is already in letters), rowid = letters.id; column title = title + proposal title.
 *   The 'ascii' tokenizer keeps every non-ASCII character inside a token, so a bigram stays one token.
 * - search_indexed: which letters the postings cover, with the stamp (text + corrections) they were
 *   built from, so a letter changed or added behind the index's back is found and re-indexed.
 */
export const SEARCH_MIGRATIONS: readonly Migration[] = [
  {
    version: 3,
    description: 'search: bigram postings (FTS5) and what they cover',
    up: ensureSearchTables,
  },
];
