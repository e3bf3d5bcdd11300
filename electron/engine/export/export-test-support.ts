import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportProgress, LetterDetail } from '../../../shared/domain';
import { Archive } from '../archive';
import { writeTextLetters } from '../import/import-test-support';
import { temporaryFolder } from '../test-support';
import { ExportRunner } from './export-runner';

export interface ExportFixture {
  archive: Archive;
  dataDir: string;
  root: string;
  /** A folder the user chose to export into. */
  out: string;
  ids: number[];
  progress: ExportProgress[];
  runner: ExportRunner;
  remove: () => void;
}

/**
 * An archive of `count` generated letters with what exports must carry: a correction (the issuer of
 * the first letter), tags, and a follow-up on a commitment.
 */
export async function exportFixture(count = 4): Promise<ExportFixture> {
  const folder = temporaryFolder('huihan-export');
  const dataDir = join(folder.path, 'archive');
  const archive = Archive.open({ dataDir, searchWords: false });
  writeTextLetters(join(folder.path, '来函'), count);
  await archive.handle('importPaths', { paths: [join(folder.path, '来函')] });
  await archive.imports.whenIdle();
  const ids = archive.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
  const first = ids[0] ?? 0;
  await archive.handle('updateLetter', { id: first, corrections: { issuer: '中共达州市委组织部' } });
  await archive.handle('tagLetters', { ids: ids.slice(0, 2), tags: ['重点', '人才'] });
  const commitment = archive.db
    .prepare('SELECT id FROM commitments WHERE letter_id = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(first) as number | undefined;
  if (commitment !== undefined) {
    archive.db
      .prepare('INSERT INTO follow_ups (commitment_id, date, author, note) VALUES (?, ?, ?, ?)')
      .run(commitment, '2025-03-01', '张秘书', '已电话督办，正在推进');
  }
  const out = join(folder.path, '导出');
  mkdirSync(out, { recursive: true });
  const progress: ExportProgress[] = [];
  const runner = new ExportRunner({
    db: archive.db,
    dataDir,
    resolveQuery: (query) =>
      archive.search.search({ query, sort: 'relevance', offset: 0, limit: 1000 }).hits.map((hit) => hit.id),
    onProgress: (item) => progress.push(item),
    progressIntervalMs: 0,
    now: () => new Date(2025, 5, 30, 10, 0, 0),
  });
  return {
    archive,
    dataDir,
    root: folder.path,
    out,
    ids,
    progress,
    runner,
    remove: () => {
      archive.close();
      folder.remove();
    },
  };
}

export async function detailOf(archive: Archive, id: number): Promise<LetterDetail> {
  return (await archive.handle('getLetter', { id })) as LetterDetail;
}
