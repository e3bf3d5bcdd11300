import { describe, expect, it } from 'vitest';
import { reparseAll } from '../records/letter-queries';
import { letterDetail } from '../records/letter-view';
import { locate, reanchorCommitments } from './anchoring';
import { addCommitment, updateCommitment } from './commitment-edits';
import { archiveWithLetters } from './commitment-test-support';

describe('locate', () => {
  it('keeps matching offsets, else finds the occurrence nearest the old start, else gives none', () => {
    const text = '甲乙丙。年底前完成。丁戊。年底前完成。';
    expect(locate(text, '年底前完成', 4, 9)).toEqual({ start: 4, end: 9 });
    expect(locate(text, '年底前完成', 12, 17)).toEqual({ start: 13, end: 18 });
    expect(locate(text, '年底前完成', 2, 7)).toEqual({ start: 4, end: 9 });
    expect(locate(text, '年底前完成', null, null)).toEqual({ start: 4, end: 9 });
    expect(locate(text, '明年完成', 4, 8)).toEqual({ start: null, end: null });
  });
});

describe('re-anchoring after a re-parse', () => {
  it('moves user commitments with the text, keeps those that still match, nulls those gone', async () => {
    const { archive, cleanup } = await archiveWithLetters(1);
    try {
      const db = archive.db;
      const before = letterDetail(db, 1);
      const [kept, moved] = before.commitments;
      updateCommitment(db, { id: kept!.id, confirmed: true });
      const closing = before.text.indexOf('感谢');
      const marked = addCommitment(db, {
        letterId: 1,
        text: before.text.slice(closing, closing + 6),
        start: closing,
        end: closing + 6,
        dueDate: null,
      });
      const gone = addCommitment(db, {
        letterId: 1,
        text: '临时标记',
        start: null,
        end: null,
        dueDate: null,
      });
      updateCommitment(db, { id: moved!.id, department: '县督查室' });

      // The text changes: a preface pushes everything back; the marked words are reworded.
      const preface = '（附件略）\n';
      const changed = preface + before.text.replace(marked.text, `${marked.text}和`);
      db.prepare('UPDATE letter_texts SET text = ? WHERE letter_id = 1').run(changed);
      expect(reanchorCommitments(db, 1, changed)).toBeGreaterThan(0);
      db.prepare('UPDATE commitments SET start_offset = 0, end_offset = 4 WHERE id = ?').run(gone.id);
      db.prepare('UPDATE commitments SET text = ? WHERE id = ?').run('已删除的句子', gone.id);
      reparseAll(db);

      const after = letterDetail(db, 1);
      const byId = new Map(after.commitments.map((item) => [item.id, item]));
      for (const id of [kept!.id, moved!.id, marked.id]) {
        const item = byId.get(id)!;
        expect(after.text.slice(item.start!, item.end!)).toBe(item.text);
      }
      expect(byId.get(kept!.id)!.start).toBe(kept!.start! + preface.length);
      expect(byId.get(moved!.id)!.department).toBe('县督查室');
      expect(byId.get(gone.id)).toMatchObject({ text: '已删除的句子', start: null, end: null });
      // Untouched detections are renewed at their new place, not duplicated.
      expect(after.commitments.filter((item) => item.text === kept!.text)).toHaveLength(1);
    } finally {
      cleanup();
    }
  });
});
