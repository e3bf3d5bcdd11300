import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { generateLetter } from '../../../bench/letter-generator';
import { parseLetter } from '../letter/parse-letter';
import { insertLetter } from '../records/letter-store';
import { openArchiveDatabase } from '../store/database';

/** Opens an archive database (SearchService adds its tables if the schema lacks them). */
export function openSearchDatabase(dir: string): Database {
  return openArchiveDatabase(dir).db;
}

/** Stores texts directly (no files, no import job), one transaction per batch; returns the ids. */
export function insertTexts(db: Database, texts: string[], importedAt = '2026-01-01T00:00:00Z'): number[] {
  const ids: number[] = [];
  db.transaction(() => {
    texts.forEach((text, index) => {
      ids.push(
        insertLetter(db, {
          sha256: createHash('sha256').update(text).digest('hex'),
          fileName: `${index}.txt`,
          sourcePath: `${index}.txt`,
          byteSize: Buffer.byteLength(text),
          format: 'txt',
          encoding: 'utf-8',
          text,
          parsed: parseLetter(text),
          importedAt,
        }),
      );
    });
  })();
  return ids;
}

/** `count` generated letters (bench/letter-generator), deterministic for the seed. */
export function generatedTexts(seed: number, count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, index) => generateLetter(seed, from + index).text);
}
