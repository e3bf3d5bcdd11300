import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { LetterCorrections } from '../../../shared/domain';
import { LETTER_FIELD_KEYS, type LetterFields } from '../../../shared/letter-fields';
import type { LetterFormat } from '../ingest/types';
import type { ParsedLetter } from '../letter/types';
import { browseColumns, effectiveFields } from './effective-fields';
import { statement } from '../store/statements';
import { classifyLetters } from '../topics/topic-store';

/** Bump when the parser changes in a way worth re-parsing stored letters for. */
export const PARSER_VERSION = 1;

export interface NewLetter {
  sha256: string;
  fileName: string;
  sourcePath: string;
  byteSize: number;
  format: LetterFormat;
  encoding: string | null;
  text: string;
  parsed: ParsedLetter;
  importedAt: string;
}

export interface LetterRow {
  id: number;
  sha256: string;
  file_name: string;
  source_path: string | null;
  byte_size: number;
  format: string;
  encoding: string | null;
  text: string;
  parsed_json: string;
  corrections_json: string;
  sections_json: string;
  warnings_json: string;
  imported_at: string;
  title: string | null;
  issuer: string | null;
  session: string | null;
  proposal_number: string | null;
  category: string | null;
  letter_date: string | null;
  topic: string | null;
}

/** The 17 corpus keys of a parse result, nothing else. */
export function fieldsOf(parsed: ParsedLetter): LetterFields {
  return Object.fromEntries(LETTER_FIELD_KEYS.map((key) => [key, parsed[key]])) as unknown as LetterFields;
}

export function findLetterIdBySha(db: Database, sha256: string): number | null {
  const row = statement(db, 'SELECT id FROM letters WHERE sha256 = ?').get(sha256) as
    { id: number } | undefined;
  return row?.id ?? null;
}

/** Inserts a letter and its detected commitments; the caller holds the transaction. */
export function insertLetter(db: Database, letter: NewLetter): number {
  const fields = fieldsOf(letter.parsed);
  const columns = browseColumns(fields);
  const result = statement(
    db,
    `INSERT INTO letters (sha256, file_name, source_path, byte_size, format, encoding, parsed_json,
         corrections_json, sections_json, warnings_json, parser_version, imported_at,
         title, kind, issuer, session, session_key, proposal_number, proposal_key, category, letter_date, year)
       VALUES (@sha256, @fileName, @sourcePath, @byteSize, @format, @encoding, @parsedJson,
         '{}', @sectionsJson, @warningsJson, @parserVersion, @importedAt,
         @title, @kind, @issuer, @session, @session_key, @proposal_number, @proposal_key, @category, @letter_date, @year)`,
  ).run({
    sha256: letter.sha256,
    fileName: letter.fileName,
    sourcePath: letter.sourcePath,
    byteSize: letter.byteSize,
    format: letter.format,
    encoding: letter.encoding,
    parsedJson: JSON.stringify(fields),
    sectionsJson: JSON.stringify(letter.parsed.sections),
    warningsJson: JSON.stringify(letter.parsed.warnings),
    parserVersion: PARSER_VERSION,
    importedAt: letter.importedAt,
    ...columns,
  });
  const id = Number(result.lastInsertRowid);
  statement(db, 'INSERT INTO letter_texts (letter_id, text) VALUES (?, ?)').run(id, letter.text);
  insertDetectedCommitments(db, id, letter.parsed, fields.issuer, letter.importedAt);
  classifyLetters(db, [id]);
  return id;
}

/** The parser's commitment candidates become commitments 待落实, marked as detected, not confirmed. */
export function insertDetectedCommitments(
  db: Database,
  letterId: number,
  parsed: ParsedLetter,
  department: string | null,
  createdAt: string,
): void {
  const insert = statement(
    db,
    `INSERT INTO commitments (letter_id, text, start_offset, end_offset, due_date, department, status, detected, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '待落实', 1, ?)`,
  );
  for (const item of parsed.commitmentItems) {
    insert.run(letterId, item.text, item.start, item.end, item.dueDate, department, createdAt);
  }
}

export function getLetterRow(db: Database, id: number): LetterRow {
  const row = statement(
    db,
    'SELECT l.*, t.text FROM letters l JOIN letter_texts t ON t.letter_id = l.id WHERE l.id = ?',
  ).get(id) as LetterRow | undefined;
  if (!row) throw new ApiError('not_found', `找不到编号为 ${id} 的回函，它可能已被删除。`);
  return row;
}

export function parsedFieldsOf(row: LetterRow): LetterFields {
  return JSON.parse(row.parsed_json) as LetterFields;
}

export function correctionsOf(row: LetterRow): LetterCorrections {
  return JSON.parse(row.corrections_json) as LetterCorrections;
}

/** Stores the user's corrections apart from the parsed values and refreshes the browsing columns. */
export function saveCorrections(db: Database, id: number, corrections: LetterCorrections): void {
  const row = getLetterRow(db, id);
  const columns = browseColumns(effectiveFields(parsedFieldsOf(row), corrections));
  statement(
    db,
    `UPDATE letters SET corrections_json = @corrections, title = @title, kind = @kind, issuer = @issuer,
       session = @session, session_key = @session_key, proposal_number = @proposal_number,
       proposal_key = @proposal_key, category = @category, letter_date = @letter_date, year = @year
     WHERE id = @id`,
  ).run({ id, corrections: JSON.stringify(corrections), ...columns });
  // A corrected proposal title or title may change the topic.
  classifyLetters(db, [id]);
}

/** Stores a new parse of a letter's text; corrections stay as they are and still win. */
export function saveReparse(db: Database, id: number, parsed: ParsedLetter): void {
  const row = getLetterRow(db, id);
  const fields = fieldsOf(parsed);
  const columns = browseColumns(effectiveFields(fields, correctionsOf(row)));
  statement(
    db,
    `UPDATE letters SET parsed_json = @parsedJson, sections_json = @sectionsJson, warnings_json = @warningsJson,
       parser_version = @parserVersion, title = @title, kind = @kind, issuer = @issuer, session = @session,
       session_key = @session_key, proposal_number = @proposal_number, proposal_key = @proposal_key,
       category = @category, letter_date = @letter_date, year = @year
     WHERE id = @id`,
  ).run({
    id,
    parsedJson: JSON.stringify(fields),
    sectionsJson: JSON.stringify(parsed.sections),
    warningsJson: JSON.stringify(parsed.warnings),
    parserVersion: PARSER_VERSION,
    ...columns,
  });
  classifyLetters(db, [id]);
}
