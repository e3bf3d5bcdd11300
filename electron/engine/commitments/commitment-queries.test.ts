import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../shared/domain';
import type { Archive } from '../archive';
import { temporaryFolder } from '../test-support';
import { setCommitmentStatus, updateCommitment } from './commitment-edits';
import { ledgerCommitments, listCommitments } from './commitment-queries';
import { archiveWithLetters } from './commitment-test-support';
import { commitmentHandlers } from './handlers';

const TODAY = '2025-01-01';
let archive: Archive;
let cleanup: () => void;

beforeAll(async () => {
  ({ archive, cleanup } = await archiveWithLetters(4));
});
afterAll(() => cleanup());

const list = (filters: Partial<Parameters<typeof listCommitments>[1]> = {}) =>
  listCommitments(archive.db, { offset: 0, limit: 1000, ...filters }, TODAY);

function stored(): Array<{ id: number; due_date: string | null; letter_id: number }> {
  return archive.db.prepare('SELECT id, due_date, letter_id FROM commitments').all() as Array<{
    id: number;
    due_date: string | null;
    letter_id: number;
  }>;
}

describe('the commitment ledger', () => {
  it('lists the detected commitments with their due dates, department and letter, by due date (none last)', () => {
    const result = list();
    expect(result.total).toBe(stored().length);
    expect(result.total).toBeGreaterThan(4);
    const dated = result.items.filter((item) => item.dueDate !== null);
    expect(dated.length).toBeGreaterThan(0);
    const dues = result.items.map((item) => item.dueDate ?? '9999');
    expect(dues).toEqual([...dues].sort());
    const first = result.items[0] as Commitment;
    expect(first).toMatchObject({ status: '待落实', detected: true, confirmed: false });
    expect(first.department).toBeTruthy();
    expect(first.letter?.session).toBeTruthy();
    expect(first.letter?.proposalNumber).toBeTruthy();
    expect(first.letter?.proposalTitle).toBeTruthy();
    expect(result.summary).toEqual({
      total: result.total,
      done: 0,
      doneRate: 0,
      overdue: expect.any(Number),
    });
  });

  it('pages without changing the total', () => {
    const all = list();
    const page = list({ offset: 2, limit: 3 });
    expect(page.total).toBe(all.total);
    expect(page.items.map((item) => item.id)).toEqual(all.items.slice(2, 5).map((item) => item.id));
  });

  it('filters overdue (past due, not 已落实) and due within N days against a fixed today', () => {
    const rows = stored();
    const overdue = list({ overdue: true });
    const expected = rows.filter((row) => row.due_date !== null && row.due_date < TODAY);
    expect(overdue.total).toBe(expected.length);
    expect(overdue.total).toBeGreaterThan(0);
    expect(list().summary?.overdue).toBe(expected.length);

    const done = expected[0]!.id;
    setCommitmentStatus(archive.db, { ids: [done], status: '已落实' });
    expect(list({ overdue: true }).items.map((item) => item.id)).not.toContain(done);
    expect(list().summary).toMatchObject({ done: 1, overdue: expected.length - 1 });
    expect(list().summary?.doneRate).toBeCloseTo(1 / rows.length);
    expect(list({ status: '已落实' }).items.map((item) => item.id)).toEqual([done]);
    setCommitmentStatus(archive.db, { ids: [done], status: '待落实' });

    const within = list({ dueWithinDays: 365 });
    const end = '2026-01-01';
    expect(within.total).toBe(
      rows.filter((r) => r.due_date && r.due_date >= TODAY && r.due_date <= end).length,
    );
    expect(within.items.every((item) => item.dueDate! >= TODAY && item.dueDate! <= end)).toBe(true);
    expect(list({ dueWithinDays: 0 }).total).toBe(rows.filter((r) => r.due_date === TODAY).length);
  });

  it('filters by department, session, topic and detected vs confirmed', () => {
    const all = list().items;
    const issuer = all[0]!.letter!.issuer!;
    const byDept = list({ department: issuer.slice(2, 6) });
    expect(byDept.total).toBe(all.filter((item) => item.letter!.issuer!.includes(issuer.slice(2, 6))).length);
    const session = all[0]!.letter!.session!;
    expect(list({ session }).items.every((item) => item.letter!.session === session)).toBe(true);
    expect(list({ topic: '不存在的主题' }).total).toBe(0);

    const target = all[1]!;
    updateCommitment(archive.db, { id: target.id, department: '县督查室' });
    expect(list({ department: '督查室' }).items.map((item) => item.id)).toEqual([target.id]);
    // Editing confirms; so did the status change of the test before.
    const confirmed = archive.db.prepare('SELECT id FROM commitments WHERE confirmed = 1').pluck().all();
    expect(confirmed).toContain(target.id);
    expect(
      list({ detected: false })
        .items.map((item) => item.id)
        .sort(),
    ).toEqual([...confirmed].sort());
    expect(list({ detected: true }).total).toBe(all.length - confirmed.length);
  });

  it('answers through the handlers object, with an injectable today, and ledgerCommitments lists all', async () => {
    const handlers = commitmentHandlers(archive.db, { today: () => '2000-01-01' });
    expect(Object.keys(handlers).sort()).toEqual(
      [
        'addCommitment',
        'addFollowUp',
        'exportLedger',
        'listCommitments',
        'setCommitmentStatus',
        'updateCommitment',
      ].sort(),
    );
    const listed = await handlers.listCommitments({ offset: 0, limit: 50, overdue: true });
    expect(listed.total).toBe(0);
    expect(ledgerCommitments(archive.db, {}, TODAY).length).toBe(list().total);

    const folder = temporaryFolder('huihan-ledger');
    mkdirSync(folder.path, { recursive: true });
    try {
      const file = join(folder.path, '逾期.xlsx');
      const overdue = commitmentHandlers(archive.db, { today: () => TODAY });
      const exported = await overdue.exportLedger({ destination: file, overwrite: false, overdue: true });
      expect(exported).toEqual({ path: file, rows: list({ overdue: true }).total });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.getWorksheet('督办台账')!.rowCount).toBe(exported.rows + 1);
    } finally {
      folder.remove();
    }
  });
});
