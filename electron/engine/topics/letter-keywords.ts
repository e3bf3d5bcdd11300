import type { Database } from 'better-sqlite3';
import type { LetterCorrections } from '../../../shared/domain';
import type { LetterFields } from '../../../shared/letter-fields';
import { effectiveFields } from '../records/effective-fields';
import { statement } from '../store/statements';
import { extractKeywords, keywordsReady } from './keywords';

/** Letters whose keywords were never extracted (at most `limit`). */
export function lettersWithoutKeywords(db: Database, limit: number): number[] {
  return statement(
    db,
    `SELECT l.id FROM letters l LEFT JOIN letter_topics t ON t.letter_id = l.id
     WHERE t.keywords_json IS NULL ORDER BY l.id LIMIT ?`,
  )
    .pluck()
    .all(limit) as number[];
}

/**
 * Extracts and stores the keywords of the given letters. Does nothing (returns 0) while jieba is not
 * loaded yet: search loads it with the archive's user dictionary, and a dictionary is loaded only once.
 */
export function fillKeywords(db: Database, ids: readonly number[]): number {
  if (!keywordsReady()) return 0;
  const select = statement(
    db,
    `SELECT t.text, l.parsed_json, l.corrections_json
     FROM letters l JOIN letter_texts t ON t.letter_id = l.id WHERE l.id = ?`,
  );
  const update = statement(
    db,
    `INSERT INTO letter_topics (letter_id, keywords_json) VALUES (@id, @json)
     ON CONFLICT (letter_id) DO UPDATE SET keywords_json = excluded.keywords_json`,
  );
  let done = 0;
  for (const id of ids) {
    const row = select.get(id) as { text: string; parsed_json: string; corrections_json: string } | undefined;
    if (!row) continue;
    const fields = effectiveFields(
      JSON.parse(row.parsed_json) as LetterFields,
      JSON.parse(row.corrections_json) as LetterCorrections,
    );
    const names = [
      fields.issuer,
      fields.contact,
      fields.session,
      ...fields.co_issuers,
      ...fields.proposers,
    ].filter((name): name is string => typeof name === 'string');
    const keywords = extractKeywords(row.text, names);
    if (keywords === null) return done;
    update.run({ id, json: JSON.stringify(keywords) });
    done += 1;
  }
  return done;
}

/** Fills one letter's keywords now when it has none and jieba is loaded (the reader opening it). */
export function ensureKeywords(db: Database, id: number): void {
  const missing = statement(
    db,
    `SELECT t.keywords_json IS NULL FROM letters l LEFT JOIN letter_topics t ON t.letter_id = l.id WHERE l.id = ?`,
  )
    .pluck()
    .get(id);
  if (missing === 1) fillKeywords(db, [id]);
}
