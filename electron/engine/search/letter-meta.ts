import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { LetterCorrections } from '../../../shared/domain';
import type { LetterFields } from '../../../shared/letter-fields';
import { effectiveFields } from '../records/effective-fields';
import { statement } from '../store/statements';
import { normalizeForSearch } from './tokenizer';

/** What search needs of a letter besides its text, held in memory for filters, facets and sorting. */
export interface LetterMeta {
  id: number;
  /** Changes whenever the text or a correction changes: what the index was built from. */
  stamp: string;
  fileName: string;
  title: string | null;
  proposalTitle: string | null;
  /** Title and proposal title, normalised for matching (see tokenizer.normalizeForSearch). */
  titleKey: string;
  proposalTitleKey: string;
  issuer: string | null;
  coIssuers: string[];
  session: string | null;
  sessionKey: string | null;
  proposalNumber: string | null;
  proposalKey: string | null;
  category: string | null;
  date: string | null;
  year: number | null;
  topic: string | null;
  kind: string | null;
  docNumber: string | null;
  proposers: string[];
  tags: string[];
}

interface MetaRow {
  id: number;
  sha256: string;
  file_name: string;
  /** The parsed fields search needs, read out of parsed_json by SQLite as one JSON array (see COLUMNS). */
  search_fields: string;
  corrections_json: string;
  title: string | null;
  issuer: string | null;
  session: string | null;
  session_key: string | null;
  proposal_number: string | null;
  proposal_key: string | null;
  category: string | null;
  letter_date: string | null;
  year: number | null;
  topic: string | null;
  kind: string | null;
}

/**
 * The four parsed fields search needs are read out of parsed_json by SQLite: parsing every letter's whole
 * parsed_json (commitments, contacts…) in JS took as long as reading the rows (10,000 letters: 50–70 ms
 * of 300).
 */
const COLUMNS = `id, sha256, file_name,
  json_extract(parsed_json, '$.proposal_title', '$.co_issuers', '$.doc_number', '$.proposers') AS search_fields,
  corrections_json, title, issuer, session, session_key,
  proposal_number, proposal_key, category, letter_date, year, topic, kind`;

type SearchFields = Pick<LetterFields, 'proposal_title' | 'co_issuers' | 'doc_number' | 'proposers'>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const textList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The parsed fields search needs, corrected by the user where they were (see effectiveFields). */
function searchFields(row: MetaRow): SearchFields {
  const values: unknown = JSON.parse(row.search_fields);
  const [proposalTitle, coIssuers, docNumber, proposers] = Array.isArray(values) ? values : [];
  const parsed: SearchFields = {
    proposal_title: text(proposalTitle),
    co_issuers: textList(coIssuers),
    doc_number: text(docNumber),
    proposers: textList(proposers),
  };
  if (row.corrections_json === '{}') return parsed;
  const corrected = effectiveFields(
    parsed as LetterFields,
    JSON.parse(row.corrections_json) as LetterCorrections,
  );
  return {
    proposal_title: corrected.proposal_title,
    co_issuers: corrected.co_issuers,
    doc_number: corrected.doc_number,
    proposers: corrected.proposers,
  };
}

export function letterStamp(sha256: string, correctionsJson: string): string {
  return createHash('sha1').update(sha256).update('\n').update(correctionsJson).digest('hex').slice(0, 16);
}

function toMeta(row: MetaRow, tags: string[]): LetterMeta {
  const fields = searchFields(row);
  return {
    id: row.id,
    stamp: letterStamp(row.sha256, row.corrections_json),
    fileName: row.file_name,
    title: row.title,
    proposalTitle: fields.proposal_title,
    titleKey: normalizeForSearch(row.title ?? ''),
    proposalTitleKey: normalizeForSearch(fields.proposal_title ?? ''),
    issuer: row.issuer,
    coIssuers: fields.co_issuers ?? [],
    session: row.session,
    sessionKey: row.session_key,
    proposalNumber: row.proposal_number,
    proposalKey: row.proposal_key,
    category: row.category,
    date: row.letter_date,
    year: row.year,
    topic: row.topic,
    kind: row.kind,
    docNumber: fields.doc_number,
    proposers: fields.proposers ?? [],
    tags,
  };
}

function tagsOf(db: Database, ids: number[] | null): Map<number, string[]> {
  const rows = (
    ids === null
      ? db.prepare('SELECT letter_id, tag FROM letter_tags ORDER BY tag').all()
      : db
          .prepare(
            'SELECT letter_id, tag FROM letter_tags WHERE letter_id IN (SELECT value FROM json_each(?)) ORDER BY tag',
          )
          .all(JSON.stringify(ids))
  ) as Array<{ letter_id: number; tag: string }>;
  const tags = new Map<number, string[]>();
  for (const row of rows) {
    const list = tags.get(row.letter_id) ?? [];
    list.push(row.tag);
    tags.set(row.letter_id, list);
  }
  return tags;
}

/** Every letter's meta (ids = null) or the given letters' (missing ones are simply absent). */
export function loadLetterMeta(db: Database, ids: number[] | null): LetterMeta[] {
  const rows = (
    ids === null
      ? db.prepare(`SELECT ${COLUMNS} FROM letters`).all()
      : db
          .prepare(`SELECT ${COLUMNS} FROM letters WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids))
  ) as MetaRow[];
  const tags = tagsOf(db, ids);
  return rows.map((row) => toMeta(row, tags.get(row.id) ?? []));
}

/** The metas of the next `limit` letters by id after `afterId` (loading all of them in small steps). */
export function loadLetterMetaPage(db: Database, afterId: number, limit: number): LetterMeta[] {
  const rows = statement(db, `SELECT ${COLUMNS} FROM letters WHERE id > ? ORDER BY id LIMIT ?`).all(
    afterId,
    limit,
  ) as MetaRow[];
  if (rows.length === 0) return [];
  const tags = tagsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toMeta(row, tags.get(row.id) ?? []));
}

/** The letters' texts, by id (one primary-key lookup each: an IN over json_each scans the table). */
export function loadTexts(db: Database, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const select = statement(db, 'SELECT text FROM letter_texts WHERE letter_id = ?').pluck();
  for (const id of ids) {
    const text = select.get(id) as string | undefined;
    if (text !== undefined) out.set(id, text);
  }
  return out;
}
