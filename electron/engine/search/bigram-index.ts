import type { Database } from 'better-sqlite3';
import { bigramField } from './tokenizer';

/** What the bigram postings are built from, per letter. */
export interface BigramSource {
  id: number;
  stamp: string;
  /** Title and proposal title, weighed more. */
  title: string;
  text: string;
}

/** The bigram postings in SQLite FTS5 (tables from store/search-migrations.ts). */
export class BigramIndex {
  constructor(private readonly db: Database) {}

  /** The stamp each covered letter was indexed with. */
  coveredStamps(): Map<number, string> {
    const rows = this.db.prepare('SELECT letter_id, stamp FROM search_indexed').all() as Array<{
      letter_id: number;
      stamp: string;
    }>;
    return new Map(rows.map((row) => [row.letter_id, row.stamp]));
  }

  /** (Re)writes the postings of these letters in one transaction. */
  write(sources: BigramSource[]): void {
    const remove = this.db.prepare('DELETE FROM search_bigrams WHERE rowid = ?');
    const insert = this.db.prepare('INSERT INTO search_bigrams (rowid, title, body) VALUES (?, ?, ?)');
    const cover = this.db.prepare(
      'INSERT INTO search_indexed (letter_id, stamp) VALUES (?, ?) ON CONFLICT (letter_id) DO UPDATE SET stamp = excluded.stamp',
    );
    const covered = this.db.prepare('SELECT 1 FROM search_indexed WHERE letter_id = ?');
    this.db.transaction(() => {
      for (const source of sources) {
        if (covered.get(source.id)) remove.run(source.id);
        insert.run(source.id, bigramField(source.title), bigramField(source.text));
        cover.run(source.id, source.stamp);
      }
    })();
  }

  remove(ids: number[]): void {
    const covered = this.db.prepare('SELECT 1 FROM search_indexed WHERE letter_id = ?');
    const remove = this.db.prepare('DELETE FROM search_bigrams WHERE rowid = ?');
    const uncover = this.db.prepare('DELETE FROM search_indexed WHERE letter_id = ?');
    this.db.transaction(() => {
      for (const id of ids) {
        if (!covered.get(id)) continue;
        remove.run(id);
        uncover.run(id);
      }
    })();
  }

  /** Ids of the covered letters matching an FTS5 query (see tokenizer.termPhrase). */
  match(fts: string): number[] {
    const rows = this.db
      .prepare('SELECT rowid AS id FROM search_bigrams WHERE search_bigrams MATCH ?')
      .raw()
      .all(fts) as Array<[number]>;
    return rows.map((row) => row[0]);
  }
}
