import type { Database } from 'better-sqlite3';

/** One step of the schema: applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
}

/**
 * The archive's schema history. Never edit a migration that has shipped: add a new one.
 * Version 1 is the letter record every later capability builds on.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'letters and their originals',
    up: (db) => {
      db.exec(`
        CREATE TABLE letters (
          id            INTEGER PRIMARY KEY,
          sha256        TEXT    NOT NULL UNIQUE,
          file_name     TEXT    NOT NULL,
          source_path   TEXT,
          byte_size     INTEGER NOT NULL,
          text          TEXT    NOT NULL,
          parsed_json   TEXT    NOT NULL DEFAULT '{}',
          corrections_json TEXT NOT NULL DEFAULT '{}',
          imported_at   TEXT    NOT NULL
        );
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, step) => Math.max(max, step.version), 0);
