import type { Database } from 'better-sqlite3';
import { SEARCH_MIGRATIONS } from './search-migrations';
import { TEXT_MIGRATIONS } from './text-migrations';
import { TOPIC_MIGRATIONS } from './topic-migrations';

/** One step of the schema: applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
  /** Compact the database (VACUUM) once the pending migrations are applied: this step freed many pages. */
  compact?: boolean;
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
  {
    version: 2,
    description: 'browsing columns, originals, commitments, tags, import log',
    up: (db) => {
      db.exec(`
        ALTER TABLE letters ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';
        ALTER TABLE letters ADD COLUMN encoding TEXT;
        ALTER TABLE letters ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE letters ADD COLUMN sections_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE letters ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';
        -- The effective value (parsed, or the user's correction) of the fields the UI sorts and groups by.
        ALTER TABLE letters ADD COLUMN title TEXT;
        ALTER TABLE letters ADD COLUMN kind TEXT;
        ALTER TABLE letters ADD COLUMN issuer TEXT;
        ALTER TABLE letters ADD COLUMN session TEXT;
        ALTER TABLE letters ADD COLUMN session_key TEXT;
        ALTER TABLE letters ADD COLUMN proposal_number TEXT;
        ALTER TABLE letters ADD COLUMN proposal_key TEXT;
        ALTER TABLE letters ADD COLUMN category TEXT;
        ALTER TABLE letters ADD COLUMN letter_date TEXT;
        ALTER TABLE letters ADD COLUMN year INTEGER;
        ALTER TABLE letters ADD COLUMN topic TEXT;
        CREATE INDEX letters_session ON letters (session_key, proposal_key);
        CREATE INDEX letters_issuer ON letters (issuer);
        CREATE INDEX letters_date ON letters (letter_date);

        CREATE TABLE commitments (
          id          INTEGER PRIMARY KEY,
          letter_id   INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
          text        TEXT    NOT NULL,
          start_offset INTEGER,
          end_offset  INTEGER,
          due_date    TEXT,
          department  TEXT,
          status      TEXT    NOT NULL DEFAULT '待落实',
          detected    INTEGER NOT NULL DEFAULT 0,
          confirmed   INTEGER NOT NULL DEFAULT 0,
          rejected    INTEGER NOT NULL DEFAULT 0,
          created_at  TEXT    NOT NULL
        );
        CREATE INDEX commitments_letter ON commitments (letter_id);

        CREATE TABLE follow_ups (
          id            INTEGER PRIMARY KEY,
          commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
          date          TEXT NOT NULL,
          author        TEXT NOT NULL,
          note          TEXT NOT NULL
        );

        CREATE TABLE letter_tags (
          letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
          tag       TEXT    NOT NULL,
          PRIMARY KEY (letter_id, tag)
        );
        CREATE TABLE tag_colors (tag TEXT PRIMARY KEY, color TEXT);

        CREATE TABLE import_jobs (
          job_id      TEXT PRIMARY KEY,
          started_at  TEXT NOT NULL,
          finished_at TEXT,
          state       TEXT NOT NULL DEFAULT 'running',
          paths_json  TEXT NOT NULL
        );
        CREATE TABLE import_files (
          job_id    TEXT    NOT NULL REFERENCES import_jobs (job_id) ON DELETE CASCADE,
          seq       INTEGER NOT NULL,
          file      TEXT    NOT NULL,
          outcome   TEXT    NOT NULL,
          letter_id INTEGER,
          reason    TEXT,
          PRIMARY KEY (job_id, seq)
        );
      `);
    },
  },
  ...SEARCH_MIGRATIONS,
  ...TOPIC_MIGRATIONS,
  ...TEXT_MIGRATIONS,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, step) => Math.max(max, step.version), 0);
