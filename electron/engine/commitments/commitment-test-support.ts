import { join } from 'node:path';
import { Archive } from '../archive';
import { writeTextLetters } from '../import/import-test-support';
import { temporaryFolder } from '../test-support';

/** An archive in a temporary folder with `count` generated letters imported; `cleanup` closes and removes it. */
export async function archiveWithLetters(
  count: number,
  seed = 11,
): Promise<{ archive: Archive; root: string; dataDir: string; cleanup: () => void }> {
  const folder = temporaryFolder('huihan-commitments');
  const dataDir = join(folder.path, 'archive');
  const archive = Archive.open({ dataDir, searchWords: false });
  const source = join(folder.path, '来函');
  writeTextLetters(source, count, seed);
  await archive.handle('importPaths', { paths: [source] });
  await archive.imports.whenIdle();
  return {
    archive,
    root: folder.path,
    dataDir,
    cleanup: () => {
      archive.close();
      folder.remove();
    },
  };
}
