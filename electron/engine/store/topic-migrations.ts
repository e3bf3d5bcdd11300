import type { Migration } from './migrations';

/**
 * Topics (see topics/): letters.topic (migration 2) stays the effective topic everything reads
 * (browse, search, facets, 主题:, the ledger); letter_topics keeps, per letter,
 * - topic_auto: the topic the rules computed;
 * - topic_user: the topic the user assigned, NULL when none; it wins over topic_auto and survives
 *   re-parsing and rule changes;
 * - rules_stamp: which rules topic_auto was computed with (other rules → classified again);
 * - keywords_json: the letter's top keywords (JSON list), NULL until extracted.
 * A letter without a row was never classified. The rows live apart from letters so that
 * re-classifying an archive rewrites these small rows, not every letter's (long) row.
 * topic_rules holds the rules the engine classifies with ('[]' = the default taxonomy).
 */
export const TOPIC_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    description: 'topics: computed and user-assigned topic, keywords, topic rules',
    up: (db) => {
      db.exec(`
        CREATE TABLE letter_topics (
          letter_id     INTEGER PRIMARY KEY REFERENCES letters (id) ON DELETE CASCADE,
          topic_auto    TEXT,
          topic_user    TEXT,
          rules_stamp   TEXT,
          keywords_json TEXT
        );
        CREATE INDEX letters_topic ON letters (topic);
        CREATE TABLE topic_rules (
          id         INTEGER PRIMARY KEY CHECK (id = 1),
          rules_json TEXT NOT NULL
        );
      `);
    },
  },
];
