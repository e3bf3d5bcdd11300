import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api-error';
import { exportFixture, type ExportFixture } from './export-test-support';
import type { ExportArgs } from './export-runner';
import { assertInside, isInside } from './safe-output';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.remove();
});

async function setup(count = 4): Promise<ExportFixture> {
  const fixture = await exportFixture(count);
  fixtures.push(fixture);
  return fixture;
}

function args(
  fixture: ExportFixture,
  more: Partial<ExportArgs> & Pick<ExportArgs, 'format' | 'destination'>,
): ExportArgs {
  return { selection: { ids: fixture.ids }, order: 'session', overwrite: false, ...more };
}

describe('nothing is written outside the chosen folder', () => {
  it('checks paths against the folder', () => {
    expect(isInside('/a/b', '/a/b/c.docx')).toBe(true);
    expect(isInside('/a/b', '/a/b/../c.docx')).toBe(false);
    expect(isInside('/a/b', '/a/bc/d.docx')).toBe(false);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(() => assertInside('/a/b', '/a/b/../../etc/passwd')).toThrow(ApiError);
  });

  it('keeps originals inside the folder even when fields hold path separators and dots', async () => {
    const fixture = await setup(3);
    const [first, second] = fixture.ids;
    await fixture.archive.handle('updateLetter', {
      id: first ?? 0,
      corrections: { proposal_number: '..', issuer: '../../逃逸', doc_number: '..\\..\\x' },
    });
    await fixture.archive.handle('updateLetter', {
      id: second ?? 0,
      corrections: { proposal_number: 'CON', issuer: null, doc_number: null },
    });
    const folder = join(fixture.out, '原件');
    await fixture.runner.start(args(fixture, { format: 'originals', destination: folder }));
    await fixture.runner.whenIdle();
    expect(fixture.progress.at(-1)).toMatchObject({ finished: true, error: null });
    expect(readdirSync(fixture.out)).toEqual(['原件']);
    const names = readdirSync(folder);
    expect(names).toHaveLength(3);
    expect(names).toContain('_.._.._逃逸_.._.._x.txt');
    expect(names.every((name) => !name.startsWith('.'))).toBe(true);
    expect(names.some((name) => name.startsWith('_CON'))).toBe(true);
    expect(existsSync(join(fixture.root, '逃逸'))).toBe(false);
  });

  it('refuses a destination folder that does not exist', async () => {
    const fixture = await setup(1);
    await expect(
      fixture.runner.start(
        args(fixture, { format: 'csv', destination: join(fixture.out, '不存在', 'a.csv') }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('never overwriting without asking', () => {
  it('refuses an existing file with a question, and replaces it when overwrite is given', async () => {
    const fixture = await setup(2);
    const target = join(fixture.out, '汇总表.csv');
    writeFileSync(target, '原有内容');
    const refusal = fixture.runner.start(args(fixture, { format: 'csv', destination: target }));
    await expect(refusal).rejects.toMatchObject({ code: 'already_exists' });
    await expect(refusal).rejects.toThrow(/已存在.*是否覆盖/u);
    expect(readFileSync(target, 'utf8')).toBe('原有内容');

    await fixture.runner.start(args(fixture, { format: 'csv', destination: target, overwrite: true }));
    await fixture.runner.whenIdle();
    expect(readFileSync(target, 'utf8')).toContain('序号');
    expect(readdirSync(fixture.out)).toEqual(['汇总表.csv']);
  });

  it('refuses to copy originals over files already in the folder', async () => {
    const fixture = await setup(2);
    const folder = join(fixture.out, '原件');
    await fixture.runner.start(args(fixture, { format: 'originals', destination: folder }));
    await fixture.runner.whenIdle();
    const before = readdirSync(folder).sort();
    await expect(
      fixture.runner.start(args(fixture, { format: 'originals', destination: folder })),
    ).rejects.toMatchObject({ code: 'already_exists' });
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});

describe('cancelling', () => {
  for (const format of ['docx', 'xlsx', 'zip', 'json'] as const) {
    it(`leaves no file, not even a temporary one, when a ${format} export is cancelled`, async () => {
      const fixture = await setup(6);
      const { jobId } = await fixture.runner.start(
        args(fixture, { format, destination: join(fixture.out, `导出.${format}`) }),
      );
      expect(fixture.runner.cancel(jobId)).toEqual({ cancelled: true });
      await fixture.runner.whenIdle();
      expect(fixture.progress.at(-1)).toMatchObject({ finished: true, cancelled: true, outputPath: null });
      expect(readdirSync(fixture.out)).toEqual([]);
    });
  }

  it('leaves only whole files when copying originals is cancelled', async () => {
    const fixture = await setup(6);
    const folder = join(fixture.out, '原件');
    mkdirSync(folder);
    const { jobId } = await fixture.runner.start(args(fixture, { format: 'originals', destination: folder }));
    fixture.runner.cancel(jobId);
    await fixture.runner.whenIdle();
    expect(fixture.progress.at(-1)).toMatchObject({ finished: true, cancelled: true });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports progress up to the total', async () => {
    const fixture = await setup(3);
    await fixture.runner.start(args(fixture, { format: 'json', destination: join(fixture.out, 'a.json') }));
    await fixture.runner.whenIdle();
    const dones = fixture.progress.map((item) => item.done);
    expect(dones[0]).toBe(0);
    expect(dones.at(-1)).toBe(3);
    expect(fixture.progress.at(-1)?.outputPath).toBe(join(fixture.out, 'a.json'));
  });

  it('runs one export at a time', async () => {
    const fixture = await setup(2);
    await fixture.runner.start(args(fixture, { format: 'json', destination: join(fixture.out, 'a.json') }));
    await expect(
      fixture.runner.start(args(fixture, { format: 'json', destination: join(fixture.out, 'b.json') })),
    ).rejects.toMatchObject({ code: 'invalid_arguments' });
    await fixture.runner.whenIdle();
  });
});
