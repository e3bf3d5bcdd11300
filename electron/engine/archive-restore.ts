import { ApiError } from '../../shared/api-error';
import { apiArgSchemas } from '../../shared/api-schemas';
import { restoreArchive } from './export/restore';
import { writeAppliedSettings, type EngineSettings } from './settings/applied-settings';

export interface OpenArchiveRestore<A> {
  /** The backup file to restore. */
  source: string;
  /** The open archive's folder, restored into. */
  dataDir: string;
  /** Whether an import runs now (a restore then waits for the user to finish or cancel it). */
  busy: boolean;
  /** Closes the open archive: search, background work, database. */
  close: () => void;
  /** Opens the archive in `dataDir` again. */
  reopen: () => A;
  /** Receives the reopened archive, after a restore and after a failed one alike. */
  adopt: (archive: A) => void;
}

/**
 * Restores a backup into the folder of the open archive, which holds no letters (the caller checked):
 * closes the archive, restores in its place (verified first; on failure the folder is left empty), and
 * opens the archive again whatever happened, so the engine goes on answering.
 */
export async function restoreIntoOpenArchive<A>(
  options: OpenArchiveRestore<A>,
): Promise<{ letterCount: number; settings: EngineSettings | null }> {
  if (options.busy) {
    throw new ApiError('invalid_arguments', '正在导入回函，请等导入完成或取消后再恢复备份。');
  }
  options.close();
  try {
    const restored = await restoreArchive(options.source, options.dataDir, { replaceEmptyArchive: true });
    // The backup's dictionary and topic rules: the reopened engine starts with them, and the caller
    // hands them to the host, which keeps settings and applies them after every engine start.
    const settings = backupEngineSettings(restored.settings);
    if (settings) writeAppliedSettings(options.dataDir, settings);
    return { letterCount: restored.letterCount, settings };
  } finally {
    options.adopt(options.reopen());
  }
}

/** The custom dictionary and topic rules in a backup's settings, or null when it has none. */
function backupEngineSettings(saved: unknown): EngineSettings | null {
  const parsed = apiArgSchemas.applySettings.safeParse(saved);
  return parsed.success ? parsed.data : null;
}
