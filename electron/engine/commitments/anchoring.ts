import type { Database } from 'better-sqlite3';

export interface Anchor {
  start: number | null;
  end: number | null;
}

/**
 * Where a commitment's text sits in the letter: the given offsets if the text there still equals it,
 * else the occurrence nearest to the old start, else nowhere (null offsets, the text is kept).
 */
export function locate(letterText: string, text: string, start: number | null, end: number | null): Anchor {
  if (text === '') return { start: null, end: null };
  if (start !== null && end !== null && letterText.slice(start, end) === text) return { start, end };
  let best: number | null = null;
  for (let at = letterText.indexOf(text); at !== -1; at = letterText.indexOf(text, at + 1)) {
    if (best === null || Math.abs(at - (start ?? 0)) < Math.abs(best - (start ?? 0))) best = at;
  }
  return best === null ? { start: null, end: null } : { start: best, end: best + text.length };
}

/**
 * After a letter's text is re-parsed, keeps every stored commitment anchored: offsets stay when the text
 * at them is unchanged, move to where the text is found again, or become null when it is gone.
 * Returns how many commitments' offsets changed.
 */
export function reanchorCommitments(db: Database, letterId: number, text: string): number {
  const rows = db
    .prepare('SELECT id, text, start_offset, end_offset FROM commitments WHERE letter_id = ?')
    .all(letterId) as Array<{
    id: number;
    text: string;
    start_offset: number | null;
    end_offset: number | null;
  }>;
  const update = db.prepare('UPDATE commitments SET start_offset = ?, end_offset = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    const anchor = locate(text, row.text, row.start_offset, row.end_offset);
    if (anchor.start === row.start_offset && anchor.end === row.end_offset) continue;
    update.run(anchor.start, anchor.end, row.id);
    changed += 1;
  }
  return changed;
}
