import type { Migration } from './migrations';

/**
 * The letters' texts move out of the letters rows into letter_texts (one row per letter, deleted with
 * it). A text of ~5,000 characters spills over several overflow pages, and SQLite walks them to reach
 * any column stored after it: with `text` in the middle of the letters row, reading the 10,000
 * letters' search metadata read all their texts too (10,000 generated letters: the columns after
 * `text` took 86 ms to read against 23 ms once the texts were apart; every browse list paid the same).
 * The database is compacted after the move (`compact`), so the archive does not keep the old pages.
 */
export const TEXT_MIGRATIONS: readonly Migration[] = [
  {
    version: 5,
    description: 'letter texts apart from the letters rows',
    compact: true,
    up: (db) => {
      db.exec(`
        CREATE TABLE letter_texts (
          letter_id INTEGER PRIMARY KEY REFERENCES letters (id) ON DELETE CASCADE,
          text      TEXT    NOT NULL
        );
        INSERT INTO letter_texts (letter_id, text) SELECT id, text FROM letters;
        ALTER TABLE letters DROP COLUMN text;
      `);
    },
  },
];
