/**
 * Scores the letter parser on ../shared/corpus (see its README for the rule).
 * Usage: npx tsx scripts/score-corpus.ts [--details FIELD]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreCorpus } from '../electron/engine/letter/score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

function main(): void {
  if (!existsSync(path.join(corpusDir, 'letters'))) {
    console.log('跳过：未找到 ../shared/corpus（corpus not found, skipped)');
    return;
  }
  const args = process.argv.slice(2);
  const at = args.indexOf('--details');
  const detailField = at >= 0 ? args[at + 1] : undefined;
  const report = scoreCorpus(corpusDir);
  if (detailField) {
    const rows = report.mismatches.filter((m) => m.field === detailField);
    console.log(`${detailField}: ${rows.length} mismatch(es)`);
    for (const m of rows) {
      console.log(
        `- ${m.file}\n    expected: ${JSON.stringify(m.expected)}\n    got:      ${JSON.stringify(m.got)}`,
      );
    }
    return;
  }
  console.log(`letters: ${report.letters}`);
  console.log('field                 right/total      %');
  for (const f of report.fields) {
    console.log(
      `${f.field.padEnd(20)}  ${`${f.right}/${f.total}`.padStart(11)}  ${f.pct.toFixed(1).padStart(5)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(20)}  ${`${report.right}/${report.total}`.padStart(11)}  ${report.pct.toFixed(1).padStart(5)}`,
  );
}

main();
