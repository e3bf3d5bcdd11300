import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, scoreFolder } from './score';

/** Hand-written letters (with hand-read ground truth) that the parser was not tuned on. */
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'unseen');

describe('letter parser on unseen hand-written letters', () => {
  it('gets ≥ 99% of (letter, field) pairs right and every field ≥ 90%', () => {
    const report = scoreFolder(fixtures);
    console.log(formatReport(report));
    for (const m of report.mismatches) {
      console.log(
        `${m.file} ${m.field}\n  expected: ${JSON.stringify(m.expected)}\n  got:      ${JSON.stringify(m.got)}`,
      );
    }
    expect(report.letters).toBeGreaterThanOrEqual(30);
    expect(report.pct).toBeGreaterThanOrEqual(99);
    const weak = report.fields.filter((f) => f.pct < 90).map((f) => `${f.field} ${f.pct}%`);
    expect(weak).toEqual([]);
  });
});
