import type { Database } from 'better-sqlite3';
import type { Commitment, LetterDetail, LetterSummary } from '../../../shared/domain';
import { LEDGER_SELECT, toCommitments, type LedgerRow } from '../commitments/commitment-rows';
import type { LetterSection } from '../../../shared/letter-fields';
import { correctionsOf, getLetterRow, parsedFieldsOf, type LetterRow } from './letter-store';
import { letterTopicInfo } from '../topics/topic-store';

type SummaryRow = Pick<
  LetterRow,
  | 'id'
  | 'file_name'
  | 'title'
  | 'issuer'
  | 'session'
  | 'proposal_number'
  | 'category'
  | 'letter_date'
  | 'topic'
>;

export const SUMMARY_COLUMNS =
  'id, file_name, title, issuer, session, proposal_number, category, letter_date, topic';

function tagsByLetter(db: Database, ids: number[]): Map<number, string[]> {
  const tags = new Map<number, string[]>();
  if (ids.length === 0) return tags;
  const rows = db
    .prepare(
      `SELECT letter_id, tag FROM letter_tags WHERE letter_id IN (SELECT value FROM json_each(?)) ORDER BY tag`,
    )
    .all(JSON.stringify(ids)) as Array<{ letter_id: number; tag: string }>;
  for (const row of rows) {
    const list = tags.get(row.letter_id) ?? [];
    list.push(row.tag);
    tags.set(row.letter_id, list);
  }
  return tags;
}

export function toSummaries(db: Database, rows: SummaryRow[]): LetterSummary[] {
  const tags = tagsByLetter(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    title: row.title,
    issuer: row.issuer,
    session: row.session,
    proposalNumber: row.proposal_number,
    category: row.category,
    date: row.letter_date,
    topic: row.topic,
    tags: tags.get(row.id) ?? [],
  }));
}

/** The letter's own commitments (its reader panel), rejected ones left out; no letter columns. */
export function commitmentsOfLetter(db: Database, letterId: number): Commitment[] {
  const rows = db
    .prepare(`${LEDGER_SELECT} WHERE c.letter_id = ? AND c.rejected = 0 ORDER BY c.start_offset, c.id`)
    .all(letterId) as LedgerRow[];
  return toCommitments(db, rows).map(({ letter: _letter, ...commitment }) => commitment);
}

export function letterDetail(db: Database, id: number): LetterDetail {
  const row = getLetterRow(db, id);
  const [summary] = toSummaries(db, [row]);
  const topic = letterTopicInfo(db, id);
  return {
    ...(summary as LetterSummary),
    text: row.text,
    parsed: parsedFieldsOf(row),
    corrections: correctionsOf(row),
    sections: JSON.parse(row.sections_json) as LetterSection[],
    warnings: JSON.parse(row.warnings_json) as string[],
    commitments: commitmentsOfLetter(db, id),
    sha256: row.sha256,
    importedAt: row.imported_at,
    topicAuto: topic.topicAuto,
    topicAssigned: topic.topicAssigned,
    keywords: topic.keywords,
  };
}
