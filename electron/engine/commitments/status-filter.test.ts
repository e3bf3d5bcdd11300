import { describe, expect, it } from 'vitest';
import { setCommitmentStatus } from './commitment-edits';
import { archiveWithLetters } from './commitment-test-support';
import { commitmentStatusFilter } from './status-filter';

describe('状态: filter on letters', () => {
  it('selects letters with a commitment in a status, or overdue, from the same data as the ledger', async () => {
    const { archive, cleanup } = await archiveWithLetters(4);
    try {
      const db = archive.db;
      const letters = (status: string, today = '2025-01-01') => {
        const filter = commitmentStatusFilter(status, today);
        return db
          .prepare(`SELECT id FROM letters WHERE ${filter.where} ORDER BY id`)
          .pluck()
          .all(...filter.params);
      };
      expect(letters('已落实')).toEqual([]);
      const pending = letters('待落实');
      expect(pending.length).toBe(4);
      const overdue = db
        .prepare(
          `SELECT DISTINCT letter_id FROM commitments WHERE due_date < '2025-01-01' ORDER BY letter_id`,
        )
        .pluck()
        .all();
      expect(letters('逾期')).toEqual(overdue);
      expect(letters('逾期', '2000-01-01')).toEqual([]);

      const id = db.prepare('SELECT id FROM commitments WHERE letter_id = 2 LIMIT 1').pluck().get() as number;
      setCommitmentStatus(db, { ids: [id], status: '推进中' });
      expect(letters('推进中')).toEqual([2]);
      db.prepare('UPDATE commitments SET rejected = 1 WHERE id = ?').run(id);
      expect(letters('推进中')).toEqual([]);
      expect(() => commitmentStatusFilter('很好')).toThrow(/无法识别/u);
    } finally {
      cleanup();
    }
  });
});
