/**
 * Scores the letter parser on ../shared/corpus (see its README for the rule).
 * Usage: npx tsx scripts/score-corpus.ts [--details FIELD] [--dir FOLDER]
 * (--dir scores any folder of NNN.txt / NNN.json pairs, e.g. the unseen fixtures).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, scoreCorpus, scoreFolder } from '../electron/engine/letter/score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--details');
  const detailField = at >= 0 ? args[at + 1] : undefined;
  const dirAt = args.indexOf('--dir');
  const dirArg = dirAt >= 0 ? args[dirAt + 1] : undefined;
  if (!dirArg && !existsSync(path.join(corpusDir, 'letters'))) {
    console.log('跳过：未找到 ../shared/corpus（corpus not found, skipped)');
    return;
  }
  const report = dirArg ? scoreFolder(path.resolve(dirArg)) : scoreCorpus(corpusDir);
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
  console.log(formatReport(report));
}

main();
