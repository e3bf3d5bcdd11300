import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTextLetters } from '../../engine/import/import-test-support';
import { temporaryFolder } from '../../engine/test-support';
import { runCli } from '../run-cli';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out, err };
}

describe('huihan import / list / show', () => {
  it('imports a folder with a JSON summary, then lists and shows the letters', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const source = join(folder.path, 'letters');
    const letters = writeTextLetters(source, 3);
    writeFileSync(join(source, '空.txt'), '');
    const data = join(folder.path, 'archive');

    const imported = await cli(['import', source, '--data', data, '--json']);
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.out.at(-1)!) as {
      imported: number;
      duplicates: number;
      failed: unknown[];
    };
    expect(summary).toEqual({
      imported: 3,
      duplicates: 0,
      failed: [{ file: join(source, '空.txt'), reason: expect.stringMatching(/^文件为空/u) }],
    });
    expect(imported.err.join('\n')).toMatch(/4\/4 导入 3 重复 0 失败 1/u);

    const again = await cli(['import', source, '--data', data, '--json']);
    expect(JSON.parse(again.out.at(-1)!)).toMatchObject({ imported: 0, duplicates: 3 });

    const listed = await cli(['list', '--data', data, '--json']);
    const rows = listed.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.proposal_number).sort()).toEqual(
      letters.map((l) => l.facts.proposalNumber).sort(),
    );
    expect(rows[0]).toHaveProperty('file_name');
    expect(rows[0]).toHaveProperty('commitments');

    const shown = await cli(['show', String(rows[0]!.id), '--data', data, '--json']);
    const letter = JSON.parse(shown.out[0]!) as {
      text: string;
      fields: Record<string, unknown>;
      commitments: unknown[];
    };
    expect(letter.text.length).toBeGreaterThan(1000);
    expect(letter.fields.issuer).toBe(rows[0]!.issuer);
    expect(letter.commitments.length).toBeGreaterThan(0);

    const missing = await cli(['show', '999', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('')).toContain('找不到编号为 999 的回函');
  });
});
