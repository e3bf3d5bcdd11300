import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { ApiError } from '../../../shared/api-error';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { LetterCorrections, LetterPage } from '../../../shared/domain';
import { LIST_FIELD_KEYS, type LetterFieldKey } from '../../../shared/letter-fields';
import { reanchorCommitments } from '../commitments/anchoring';
import { parseLetter } from '../letter/parse-letter';
import { originalPath } from '../store/originals';
import {
  correctionsOf,
  getLetterRow,
  insertDetectedCommitments,
  saveCorrections,
  saveReparse,
} from './letter-store';
import { SUMMARY_COLUMNS, toSummaries } from './letter-view';

const ORDER_BY: Record<ParsedMethodArgs<'listLetters'>['sort'], string> = {
  session: 'session_key IS NULL, session_key, proposal_key IS NULL, proposal_key, issuer, id',
  number: 'proposal_key IS NULL, proposal_key, session_key, id',
  date: 'letter_date IS NULL, letter_date DESC, id DESC',
  imported: 'id DESC',
};

/** The WHERE clause selecting the letters under a browse node (see browse.ts for the keys). */
export function nodeFilter(node: string | undefined): { where: string; params: unknown[] } {
  if (!node) return { where: '1 = 1', params: [] };
  const colon = node.indexOf(':');
  const kind = node.slice(0, colon);
  const value = node.slice(colon + 1);
  const orNull = (column: string) => ({
    where: value === '' ? `${column} IS NULL` : `${column} = ?`,
    params: value === '' ? [] : [value],
  });
  switch (kind) {
    case 'session':
      return orNull('session_key');
    case 'number': {
      const [session = '', number = ''] = value.split('#');
      return {
        where: `session_key IS ? AND proposal_key IS ?`,
        params: [session === '' ? null : session, number === '' ? null : number],
      };
    }
    case 'department':
      return orNull('issuer');
    case 'topic':
      return orNull('topic');
    case 'category':
      return orNull('category');
    case 'tag':
      return { where: 'id IN (SELECT letter_id FROM letter_tags WHERE tag = ?)', params: [value] };
    default:
      throw new ApiError('invalid_arguments', `无法识别的分类：${node.slice(0, 40)}`);
  }
}

export function listLetters(db: Database, args: ParsedMethodArgs<'listLetters'>): LetterPage {
  const filter = nodeFilter(args.node);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM letters WHERE ${filter.where}`).get(...filter.params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM letters WHERE ${filter.where} ORDER BY ${ORDER_BY[args.sort]} LIMIT ? OFFSET ?`,
    )
    .all(...filter.params, args.limit, args.offset) as Parameters<typeof toSummaries>[1];
  return { total, items: toSummaries(db, rows) };
}

const LIST_KEYS: ReadonlySet<LetterFieldKey> = new Set(LIST_FIELD_KEYS);

/** Checks each correction has the shape of its field: a list for list fields, text or empty otherwise. */
function checkCorrection(key: LetterFieldKey, value: unknown): void {
  const isList = LIST_KEYS.has(key);
  if (isList && !Array.isArray(value)) {
    throw new ApiError('invalid_arguments', `字段「${key}」应为列表。`);
  }
  if (!isList && Array.isArray(value)) {
    throw new ApiError('invalid_arguments', `字段「${key}」应为文字。`);
  }
}

/** Applies corrections (and reverts to the parsed value) to one letter; kept apart from the parse. */
export function updateCorrections(db: Database, args: ParsedMethodArgs<'updateLetter'>): void {
  db.transaction(() => {
    const reverted = new Set<string>(args.revert ?? []);
    const next = new Map<string, unknown>(
      Object.entries(correctionsOf(getLetterRow(db, args.id))).filter(([key]) => !reverted.has(key)),
    );
    for (const [key, value] of Object.entries(args.corrections)) {
      checkCorrection(key as LetterFieldKey, value);
      next.set(key, typeof value === 'string' ? value.trim() : value);
    }
    saveCorrections(db, args.id, Object.fromEntries(next) as LetterCorrections);
  })();
}

export function deleteLetters(db: Database, archiveDir: string, ids: number[]): number {
  const shas: string[] = [];
  const deleted = db.transaction(() => {
    let count = 0;
    const find = db.prepare('SELECT sha256 FROM letters WHERE id = ?');
    const remove = db.prepare('DELETE FROM letters WHERE id = ?');
    for (const id of ids) {
      const row = find.get(id) as { sha256: string } | undefined;
      if (!row) continue;
      remove.run(id);
      shas.push(row.sha256);
      count += 1;
    }
    return count;
  })();
  // Originals go only after the rows are gone for good: a crash in between leaves an unused file, never a letter without its original.
  for (const sha of shas) rmSync(originalPath(archiveDir, sha), { force: true });
  return deleted;
}

/**
 * Re-parses every letter with the current parser. Corrections stay and still win; commitments the user
 * has touched (confirmed, edited, followed up, status changed) stay; untouched detections are renewed.
 */
export function reparseAll(db: Database): number {
  const ids = db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
  const now = new Date().toISOString();
  const dropUntouched = db.prepare(
    `DELETE FROM commitments WHERE letter_id = ? AND detected = 1 AND confirmed = 0 AND rejected = 0
       AND status = '待落实' AND id NOT IN (SELECT commitment_id FROM follow_ups)`,
  );
  for (const id of ids) {
    db.transaction(() => {
      const row = getLetterRow(db, id);
      const parsed = parseLetter(row.text);
      saveReparse(db, id, parsed);
      dropUntouched.run(id);
      reanchorCommitments(db, id, row.text);
      const kept = new Set(
        db.prepare('SELECT text FROM commitments WHERE letter_id = ?').pluck().all(id) as string[],
      );
      const fresh = {
        ...parsed,
        commitmentItems: parsed.commitmentItems.filter((item) => !kept.has(item.text)),
      };
      const issuer = (correctionsOf(row).issuer as string | null | undefined) ?? parsed.issuer;
      insertDetectedCommitments(db, id, fresh, issuer, now);
    })();
  }
  return ids.length;
}

/** Every id of a browse list (or of all letters), in the list's order: Ctrl+A over rows not loaded yet. */
export function listLetterIds(
  db: Database,
  node: string | undefined,
  sort: ParsedMethodArgs<'listLetters'>['sort'],
): number[] {
  const filter = nodeFilter(node);
  return db
    .prepare(`SELECT id FROM letters WHERE ${filter.where} ORDER BY ${ORDER_BY[sort]}`)
    .pluck()
    .all(...filter.params) as number[];
}
