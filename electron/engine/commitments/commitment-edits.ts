import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { Commitment, FollowUp } from '../../../shared/domain';
import { dueDateFor } from '../letter/due-dates';
import { getLetterRow } from '../records/letter-store';
import { locate, type Anchor } from './anchoring';
import { getCommitment } from './commitment-rows';
import { localToday } from './today';

function requiredText(value: string, message: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new ApiError('invalid_arguments', message);
  return trimmed;
}

/** The selection's offsets, checked against the letter and moved past the whitespace trimmed off. */
function selectionAnchor(
  letterText: string,
  raw: string,
  text: string,
  start: number | null,
  end: number | null,
): Anchor {
  if ((start === null) !== (end === null)) {
    throw new ApiError('invalid_arguments', '所选文字的起止位置应同时给出。');
  }
  if (start === null || end === null) return locate(letterText, text, null, null);
  if (start > end || end > letterText.length) {
    throw new ApiError('invalid_arguments', '所选文字的位置超出了回函正文的范围。');
  }
  const lead = raw.length - raw.trimStart().length;
  return locate(letterText, text, start + lead, start + lead + text.length);
}

/**
 * Marks a text selection of a letter as a commitment: user-marked (not detected), confirmed, the
 * letter's effective issuer as department, the given due date or the one its words imply.
 */
export function addCommitment(
  db: Database,
  args: ParsedMethodArgs<'addCommitment'>,
  now: Date = new Date(),
): Commitment {
  const text = requiredText(args.text, '承诺内容不能为空。');
  const letter = getLetterRow(db, args.letterId);
  const anchor = selectionAnchor(letter.text, args.text, text, args.start, args.end);
  const year = db.prepare('SELECT year FROM letters WHERE id = ?').pluck().get(args.letterId) as
    number | null;
  const dueDate = args.dueDate ?? dueDateFor(text, letter.letter_date, year);
  const result = db
    .prepare(
      `INSERT INTO commitments (letter_id, text, start_offset, end_offset, due_date, department, status,
         detected, confirmed, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '待落实', 0, 1, ?)`,
    )
    .run(args.letterId, text, anchor.start, anchor.end, dueDate, letter.issuer, now.toISOString());
  return getCommitment(db, Number(result.lastInsertRowid));
}

/**
 * Edits, confirms, rejects or restores one commitment. Editing its text, due date or department
 * confirms it (the user has made it theirs, so a re-parse keeps it) unless `confirmed: false` is given.
 */
export function updateCommitment(db: Database, args: ParsedMethodArgs<'updateCommitment'>): Commitment {
  return db.transaction(() => {
    const current = getCommitment(db, args.id);
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    let edited = false;
    if (args.text !== undefined) {
      const text = requiredText(args.text, '承诺内容不能为空。');
      if (text !== current.text) {
        const anchor = locate(getLetterRow(db, current.letterId).text, text, current.start, current.end);
        set('text', text);
        set('start_offset', anchor.start);
        set('end_offset', anchor.end);
      }
      edited = true;
    }
    if (args.dueDate !== undefined) {
      set('due_date', args.dueDate);
      edited = true;
    }
    if (args.department !== undefined) {
      set('department', args.department?.trim() || null);
      edited = true;
    }
    if (args.confirmed !== undefined) set('confirmed', args.confirmed ? 1 : 0);
    else if (edited) set('confirmed', 1);
    if (args.rejected !== undefined) set('rejected', args.rejected ? 1 : 0);
    else if (args.confirmed === true) set('rejected', 0);
    if (sets.length > 0) {
      db.prepare(`UPDATE commitments SET ${sets.join(', ')} WHERE id = ?`).run(...params, args.id);
    }
    return getCommitment(db, args.id);
  })();
}

/**
 * Moves commitments to a status (bulk, from the ledger); setting a status confirms a detection.
 * Rejected commitments are left alone. Returns how many changed.
 */
export function setCommitmentStatus(db: Database, args: ParsedMethodArgs<'setCommitmentStatus'>): number {
  return db
    .prepare(
      `UPDATE commitments SET status = ?, confirmed = 1
       WHERE rejected = 0 AND id IN (SELECT value FROM json_each(?))`,
    )
    .run(args.status, JSON.stringify(args.ids)).changes;
}

/** Adds a dated entry to a commitment's follow-up log (date defaults to today, local). */
export function addFollowUp(
  db: Database,
  args: ParsedMethodArgs<'addFollowUp'>,
  today: string = localToday(),
): FollowUp {
  const note = requiredText(args.note, '跟进记录的内容不能为空。');
  const author = requiredText(args.author, '请填写跟进人。');
  getCommitment(db, args.commitmentId);
  const date = args.date ?? today;
  const result = db
    .prepare('INSERT INTO follow_ups (commitment_id, date, author, note) VALUES (?, ?, ?, ?)')
    .run(args.commitmentId, date, author, note);
  return { id: Number(result.lastInsertRowid), date, author, note };
}
