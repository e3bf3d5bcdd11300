import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { LetterDetail } from '../../../shared/domain';
import type { LetterFields } from '../../../shared/letter-fields';
import { effectiveFields } from '../records/effective-fields';
import { letterDetail } from '../records/letter-view';

export type ExportOrder = 'session' | 'date' | 'selection';

/** A letter as exports see it: its full record plus the effective fields (corrections win). */
export interface ExportLetter extends LetterDetail {
  effective: LetterFields;
  format: string;
}

const ORDER_BY: Record<Exclude<ExportOrder, 'selection'>, string> = {
  session:
    'session_key IS NULL, session_key, proposal_key IS NULL, proposal_key, letter_date IS NULL, letter_date, id',
  date: 'letter_date IS NULL, letter_date, session_key IS NULL, session_key, proposal_key IS NULL, proposal_key, id',
};

/**
 * The ids to export, in export order: by session then proposal number (the browsing sort keys), by
 * date, or as selected. Ids no longer in the archive are dropped; none left is an error.
 */
export function orderedLetterIds(db: Database, ids: readonly number[], order: ExportOrder): number[] {
  const unique = [...new Set(ids)];
  const existing = new Set(
    db
      .prepare('SELECT id FROM letters WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(unique)) as number[],
  );
  if (existing.size === 0)
    throw new ApiError('invalid_arguments', '没有可导出的回函：所选回函不存在或已被删除。');
  if (order === 'selection') return unique.filter((id) => existing.has(id));
  return db
    .prepare(
      `SELECT id FROM letters WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER_BY[order]}`,
    )
    .pluck()
    .all(JSON.stringify([...existing])) as number[];
}

export function loadExportLetter(db: Database, id: number): ExportLetter {
  const detail = letterDetail(db, id);
  const row = db.prepare('SELECT format FROM letters WHERE id = ?').get(id) as { format: string };
  return { ...detail, format: row.format, effective: effectiveFields(detail.parsed, detail.corrections) };
}

/** The heading a letter goes under: its title, else the proposal's title, else its file name. */
export function displayTitle(letter: ExportLetter): string {
  return letter.effective.title ?? letter.effective.proposal_title ?? letter.fileName;
}
