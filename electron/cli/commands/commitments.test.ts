import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setCommitmentStatus } from '../../engine/commitments/commitment-edits';
import { archiveWithLetters } from '../../engine/commitments/commitment-test-support';
import { runCli } from '../run-cli';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out, err: err.join('\n') };
}

/** An archive with 3 letters (closed again, so the CLI opens it itself); one commitment 已落实. */
async function archive(): Promise<{ dataDir: string; root: string; total: number; doneId: number }> {
  const made = await archiveWithLetters(3);
  const db = made.archive.db;
  const total = db.prepare('SELECT COUNT(*) FROM commitments').pluck().get() as number;
  const doneId = db.prepare('SELECT id FROM commitments WHERE letter_id = 2 LIMIT 1').pluck().get() as number;
  setCommitmentStatus(db, { ids: [doneId], status: '已落实' });
  made.archive.close();
  cleanups.push(made.cleanup);
  return { dataDir: made.dataDir, root: made.root, total, doneId };
}

describe('huihan commitments', () => {
  it('prints one JSON object per commitment with its letter, and filters by status, overdue and department', async () => {
    const { dataDir, total, doneId } = await archive();
    const all = await cli(['commitments', '--data', dataDir, '--json']);
    expect(all.code).toBe(0);
    const lines = all.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(total);
    expect(lines[0]).toMatchObject({
      proposal_number: expect.any(String),
      session: expect.any(String),
      title: expect.any(String),
      proposal_title: expect.any(String),
      status: expect.any(String),
      text: expect.any(String),
    });

    const done = await cli(['commitments', '--data', dataDir, '--json', '--status', '已落实']);
    expect(done.out.map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([doneId]);

    const overdue = (await cli(['commitments', '--data', dataDir, '--json', '--overdue'])).out.map(
      (line) => JSON.parse(line) as { overdue: boolean; status: string },
    );
    expect(overdue.length).toBe(lines.filter((line) => line.overdue).length);
    expect(overdue.every((line) => line.overdue && line.status !== '已落实')).toBe(true);

    const department = String(lines[0]!.department).slice(0, 4);
    const byDept = (await cli(['commitments', '--data', dataDir, '--json', '--department', department])).out;
    expect(byDept.length).toBe(lines.filter((line) => String(line.department).includes(department)).length);

    const text = await cli(['commitments', '--data', dataDir]);
    expect(text.out[0]).toMatch(new RegExp(`^共 ${total} 条承诺事项，已落实 1 条`, 'u'));
  });

  it('exports the listed commitments to xlsx and refuses a bad status', async () => {
    const { dataDir, root, doneId } = await archive();
    const file = join(root, '台账.xlsx');
    const result = await cli([
      'commitments',
      '--data',
      dataDir,
      '--json',
      '--status',
      '已落实',
      '--export',
      file,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0]!)).toEqual({ exported: file, rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('督办台账')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('H2').value).toBe('已落实');
    expect(doneId).toBeGreaterThan(0);

    const again = await cli(['commitments', '--data', dataDir, '--export', file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('文件已存在');
    const bad = await cli(['commitments', '--data', dataDir, '--status', '很好']);
    expect(bad.code).toBe(2);
    expect(existsSync(file)).toBe(true);
  });
});
