import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from './score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const exists = existsSync(path.join(corpusDir, 'letters'));

if (!exists) console.log(`跳过：未找到 ${corpusDir}（corpus not found, corpus score test skipped)`);

describe('letter parser on the reply-letter corpus', () => {
  it.skipIf(!exists)('gets ≥ 97% of (letter, field) pairs right and every field ≥ 90%', () => {
    const report = scoreCorpus(corpusDir);
    expect(report.letters).toBeGreaterThan(0);
    expect(report.pct).toBeGreaterThanOrEqual(97);
    const weak = report.fields.filter((f) => f.pct < 90).map((f) => `${f.field} ${f.pct}%`);
    expect(weak).toEqual([]);
  });
});
