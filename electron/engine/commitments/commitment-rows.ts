import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { Commitment, CommitmentStatus, FollowUp } from '../../../shared/domain';

/** A commitment joined with the letter columns the ledger shows. */
export interface LedgerRow {
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
  letter_title: string | null;
  letter_session: string | null;
  letter_number: string | null;
  letter_proposal_title: string | null;
  letter_category: string | null;
  letter_issuer: string | null;
}

/** The effective proposal title: the user's correction (even an emptied one) wins over the parse. */
const PROPOSAL_TITLE = `CASE WHEN json_type(l.corrections_json, '$.proposal_title') IS NOT NULL
    THEN json_extract(l.corrections_json, '$.proposal_title')
    ELSE json_extract(l.parsed_json, '$.proposal_title') END`;

/** `FROM … JOIN …` with the columns of LedgerRow; commitments are `c`, letters `l`. */
export const LEDGER_SELECT = `SELECT c.id, c.letter_id, c.text, c.start_offset, c.end_offset, c.due_date,
    c.department, c.status, c.detected, c.confirmed,
    l.title AS letter_title, l.session AS letter_session, l.proposal_number AS letter_number,
    ${PROPOSAL_TITLE} AS letter_proposal_title, l.category AS letter_category, l.issuer AS letter_issuer
  FROM commitments c JOIN letters l ON l.id = c.letter_id`;

/** Follow-up logs of many commitments at once, oldest first. */
function followUpsOf(db: Database, ids: number[]): Map<number, FollowUp[]> {
  const byCommitment = new Map<number, FollowUp[]>();
  if (ids.length === 0) return byCommitment;
  const rows = db
    .prepare(
      `SELECT commitment_id, id, date, author, note FROM follow_ups
       WHERE commitment_id IN (SELECT value FROM json_each(?)) ORDER BY date, id`,
    )
    .all(JSON.stringify(ids)) as Array<FollowUp & { commitment_id: number }>;
  for (const { commitment_id: owner, ...followUp } of rows) {
    const list = byCommitment.get(owner) ?? [];
    list.push(followUp);
    byCommitment.set(owner, list);
  }
  return byCommitment;
}

export function toCommitments(db: Database, rows: LedgerRow[]): Commitment[] {
  const followUps = followUpsOf(
    db,
    rows.map((row) => row.id),
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
    followUps: followUps.get(row.id) ?? [],
    letter: {
      title: row.letter_title,
      session: row.letter_session,
      proposalNumber: row.letter_number,
      proposalTitle: row.letter_proposal_title,
      category: row.letter_category,
      issuer: row.letter_issuer,
    },
  }));
}

/** One commitment with its letter and log; rejected ones too (the reader may restore them). */
export function getCommitment(db: Database, id: number): Commitment {
  const row = db.prepare(`${LEDGER_SELECT} WHERE c.id = ?`).get(id) as LedgerRow | undefined;
  if (!row) throw new ApiError('not_found', `找不到该承诺事项（编号 ${id}），它可能已被删除。`);
  return toCommitments(db, [row])[0] as Commitment;
}
