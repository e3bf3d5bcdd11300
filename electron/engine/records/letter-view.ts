import type { Database } from 'better-sqlite3';
import type {
  Commitment,
  CommitmentStatus,
  FollowUp,
  LetterDetail,
  LetterSummary,
} from '../../../shared/domain';
import type { LetterSection } from '../../../shared/letter-fields';
import { correctionsOf, getLetterRow, parsedFieldsOf, type LetterRow } from './letter-store';

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

interface CommitmentRow {
  id: number;
  letter_id: number;
  text: string;
  start_offset: number | null;
  end_offset: number | null;
  due_date: string | null;
  department: string | null;
  status: string;
  detected: number;
  confirmed: number;
}

export function commitmentsOfLetter(db: Database, letterId: number): Commitment[] {
  const rows = db
    .prepare('SELECT * FROM commitments WHERE letter_id = ? AND rejected = 0 ORDER BY start_offset, id')
    .all(letterId) as CommitmentRow[];
  const followUps = db.prepare(
    'SELECT id, date, author, note FROM follow_ups WHERE commitment_id = ? ORDER BY date, id',
  );
  return rows.map((row) => ({
    id: row.id,
    letterId: row.letter_id,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    dueDate: row.due_date,
    department: row.department,
    status: row.status as CommitmentStatus,
    detected: row.detected === 1,
    confirmed: row.confirmed === 1,
    followUps: followUps.all(row.id) as FollowUp[],
  }));
}

export function letterDetail(db: Database, id: number): LetterDetail {
  const row = getLetterRow(db, id);
  const [summary] = toSummaries(db, [row]);
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
  };
}
