import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../engine/export/export-test-support';
import { createCliContext, UsageError } from '../cli-context';
import { exportCommands, type ExportCliOptions } from './export';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.remove();
});

/** An archive with letters, closed again so the command opens it itself. */
async function setup(count = 3): Promise<ExportFixture> {
  const fixture = await exportFixture(count);
  fixture.archive.close();
  fixtures.push(fixture);
  return fixture;
}

async function run(
  name: keyof typeof exportCommands,
  data: string,
  options: ExportCliOptions,
  json = true,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(
    { json, data },
    { out: (t) => out.push(t), err: (t) => err.push(t), env: {} },
  );
  try {
    const code = await exportCommands[name].run(context, [], options);
    return { code, out, err };
  } finally {
    context.close();
  }
}

describe('huihan export / backup / restore', () => {
  it('exports the given ids as xlsx and reports the file', async () => {
    const fixture = await setup();
    const out = join(fixture.out, '汇总表.xlsx');
    const result = await run('export', fixture.dataDir, {
      ids: fixture.ids.join(','),
      format: 'xlsx',
      out,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0] ?? '{}')).toMatchObject({ exported: out, letters: fixture.ids.length });
    expect(existsSync(out)).toBe(true);
  });

  it('exports the results of a query as JSON', async () => {
    const fixture = await setup();
    const out = join(fixture.out, 'q.json');
    const result = await run('export', fixture.dataDir, {
      query: '部门:中共达州市委组织部',
      format: 'json',
      out,
    });
    expect(result.code).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { letters: Array<{ id: number }> };
    expect(data.letters.map((letter) => letter.id)).toEqual([fixture.ids[0]]);
  });

  it('rejects missing or contradictory options with a usage error', async () => {
    const fixture = await setup(1);
    await expect(run('export', fixture.dataDir, { format: 'csv', out: 'a.csv' })).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(
      run('export', fixture.dataDir, { ids: '1', query: 'x', format: 'csv', out: 'a.csv' }),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(
      run('export', fixture.dataDir, { ids: '1', format: 'pdf', out: 'a' }),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(
      run('export', fixture.dataDir, { ids: '1,x', format: 'csv', out: 'a' }),
    ).rejects.toBeInstanceOf(UsageError);
  });

  it('backs up and restores into an empty folder', async () => {
    const fixture = await setup(2);
    const file = join(fixture.out, '备份.huihan');
    const backup = await run('backup', fixture.dataDir, { out: file });
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out[0] ?? '{}')).toMatchObject({ path: file });
    const target = join(fixture.root, '恢复');
    const restore = await run('restore', target, { from: file });
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.out[0] ?? '{}')).toMatchObject({ letterCount: 2 });
    expect(readdirSync(target)).toContain('huihan.sqlite');
    await expect(run('restore', target, { from: file })).rejects.toThrow(/只能恢复到空的归档文件夹/u);
  });
});
