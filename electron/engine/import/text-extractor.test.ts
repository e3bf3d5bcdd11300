import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPoolExtractor } from './text-extractor';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('WorkerPoolExtractor', () => {
  it('reads files in this thread when its workers cannot start, instead of failing every file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'huihan-pool-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const broken = join(folder, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('cannot load');\n");
    const pool = new WorkerPoolExtractor(broken, 2);
    cleanups.push(() => void pool.close());
    const letter = Buffer.from('关于县政协十届三次会议第018号提案的答复\n王明委员:\n特此答复。', 'utf8');
    const results = await Promise.all([pool.extract('a.txt', letter), pool.extract('b.txt', letter)]);
    expect(results.map((result) => result.format)).toEqual(['txt', 'txt']);
    await expect(pool.extract('c.txt', letter)).resolves.toMatchObject({
      text: expect.stringContaining('第018号'),
    });
  });
});
