import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LetterDetail } from '../../../shared/domain';
import type { Archive } from '../archive';
import { letterDetail } from '../records/letter-view';
import { addCommitment, addFollowUp, setCommitmentStatus, updateCommitment } from './commitment-edits';
import { listCommitments } from './commitment-queries';
import { getCommitment } from './commitment-rows';
import { archiveWithLetters } from './commitment-test-support';

let archive: Archive;
let cleanup: () => void;
beforeEach(async () => {
  ({ archive, cleanup } = await archiveWithLetters(2));
});
afterEach(() => cleanup());

const listed = () => listCommitments(archive.db, { offset: 0, limit: 1000 }, '2025-01-01').items;
const letter = (id: number): LetterDetail => letterDetail(archive.db, id);

describe('tagging commitments', () => {
  it('confirms, edits and rejects a detected commitment; a rejected one is no longer listed', () => {
    const [first, second] = letter(1).commitments;
    const confirmed = updateCommitment(archive.db, { id: first!.id, confirmed: true });
    expect(confirmed).toMatchObject({ confirmed: true, detected: true, text: first!.text });

    const edited = updateCommitment(archive.db, {
      id: second!.id,
      text: `  ${second!.text.slice(3)} `,
      dueDate: '2026-03-31',
      department: '县住建局',
    });
    expect(edited).toMatchObject({
      text: second!.text.slice(3),
      dueDate: '2026-03-31',
      department: '县住建局',
      confirmed: true,
      start: second!.start! + 3,
      end: second!.end,
    });
    expect(updateCommitment(archive.db, { id: second!.id, dueDate: null }).dueDate).toBeNull();

    updateCommitment(archive.db, { id: first!.id, rejected: true });
    expect(listed().map((item) => item.id)).not.toContain(first!.id);
    expect(letter(1).commitments.map((item) => item.id)).not.toContain(first!.id);
    updateCommitment(archive.db, { id: first!.id, rejected: false });
    expect(listed().map((item) => item.id)).toContain(first!.id);
  });

  it('marks a text selection as a commitment: confirmed, the issuer as department, the due date its words imply', () => {
    const detail = letter(2);
    const phrase = '年底前';
    const sentenceEnd = detail.text.indexOf('。', detail.text.indexOf('感谢'));
    const start = detail.text.indexOf('感谢');
    const added = addCommitment(archive.db, {
      letterId: 2,
      text: detail.text.slice(start, sentenceEnd + 1),
      start,
      end: sentenceEnd + 1,
      dueDate: null,
    });
    expect(added).toMatchObject({
      letterId: 2,
      start,
      end: sentenceEnd + 1,
      detected: false,
      confirmed: true,
      status: '待落实',
      department: detail.issuer,
      dueDate: null,
    });
    expect(added.letter?.session).toBe(detail.session);

    // Not in the letter: kept without offsets; its words give the due date relative to the letter's date.
    const free = addCommitment(archive.db, {
      letterId: 2,
      text: `${phrase}完成调研`,
      start: null,
      end: null,
      dueDate: null,
    });
    expect(free).toMatchObject({ start: null, end: null, dueDate: `${detail.date!.slice(0, 4)}-12-31` });
    const given = addCommitment(archive.db, {
      letterId: 2,
      text: '开展回头看',
      start: null,
      end: null,
      dueDate: '2027-01-31',
    });
    expect(given.dueDate).toBe('2027-01-31');
    expect(listed().filter((item) => !item.detected)).toHaveLength(3);
  });

  it('refuses bad selections and unknown ids in Chinese', () => {
    expect(() =>
      addCommitment(archive.db, { letterId: 999, text: '某事', start: null, end: null, dueDate: null }),
    ).toThrow(/找不到/u);
    expect(() =>
      addCommitment(archive.db, { letterId: 1, text: '   ', start: null, end: null, dueDate: null }),
    ).toThrow('承诺内容不能为空');
    expect(() =>
      addCommitment(archive.db, { letterId: 1, text: '某事', start: 5, end: null, dueDate: null }),
    ).toThrow(/同时给出/u);
    expect(() =>
      addCommitment(archive.db, { letterId: 1, text: '某事', start: 5, end: 10_000_000, dueDate: null }),
    ).toThrow(/超出/u);
    expect(() => updateCommitment(archive.db, { id: 9999, confirmed: true })).toThrow('找不到该承诺事项');
    expect(() => getCommitment(archive.db, 9999)).toThrow('找不到该承诺事项');
    expect(() => addFollowUp(archive.db, { commitmentId: 9999, note: '已完成', author: '张' })).toThrow(
      '找不到该承诺事项',
    );
  });

  it('changes status in bulk and keeps a dated follow-up log', () => {
    const ids = letter(1).commitments.map((item) => item.id);
    expect(setCommitmentStatus(archive.db, { ids: [...ids, 9999], status: '推进中' })).toBe(ids.length);
    expect(letter(1).commitments.every((item) => item.status === '推进中' && item.confirmed)).toBe(true);
    updateCommitment(archive.db, { id: ids[0]!, rejected: true });
    expect(setCommitmentStatus(archive.db, { ids, status: '已落实' })).toBe(ids.length - 1);

    const later = addFollowUp(archive.db, {
      commitmentId: ids[1]!,
      note: '项目已开工',
      author: '李秘书',
      date: '2025-03-02',
    });
    const earlier = addFollowUp(archive.db, {
      commitmentId: ids[1]!,
      note: '召开推进会',
      author: '王科长',
      date: '2025-01-15',
    });
    const today = addFollowUp(
      archive.db,
      { commitmentId: ids[1]!, note: '  已完工  ', author: '李秘书' },
      '2025-06-01',
    );
    expect(today).toMatchObject({ date: '2025-06-01', note: '已完工', author: '李秘书' });
    expect(getCommitment(archive.db, ids[1]!).followUps.map((f) => f.id)).toEqual([
      earlier.id,
      later.id,
      today.id,
    ]);
    expect(() => addFollowUp(archive.db, { commitmentId: ids[1]!, note: '某事', author: ' ' })).toThrow(
      '请填写跟进人',
    );
  });
});
