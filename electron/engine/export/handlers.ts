import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { MethodResults } from '../../../shared/api';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { EventMessage } from '../../../shared/protocol';
import { backupArchive } from './backup';
import { ExportRunner, type ResolveQuery } from './export-runner';

type ExportMethod = 'exportLetters' | 'cancelExport' | 'backupArchive' | 'restoreArchive';

export type ExportHandlers = {
  [M in ExportMethod]: (args: ParsedMethodArgs<M>) => MethodResults[M] | Promise<MethodResults[M]>;
};

export interface ExportHandlerOptions {
  db: Database;
  dataDir: string;
  emit?: (message: EventMessage) => void;
  resolveQuery: ResolveQuery;
  /** The settings worth keeping in a backup (the host holds them), if any. */
  settings?: () => unknown;
  /**
   * Restores into this archive once it is known to hold no letters: the host closes the archive,
   * calls restoreArchive(source, dataDir, { replaceEmptyArchive: true }) and reopens it.
   */
  restore?: (source: string) => Promise<MethodResults['restoreArchive']>;
  /** The runner to use (to wait on it, as the CLI does); made here when not given. */
  runner?: ExportRunner;
}

/** The ArchiveApi's export, backup and restore methods, to spread into the Archive's handlers. */
export function exportHandlers(options: ExportHandlerOptions): ExportHandlers {
  const { db, dataDir } = options;
  const runner =
    options.runner ??
    new ExportRunner({
      db,
      dataDir,
      resolveQuery: options.resolveQuery,
      onProgress: (payload) => options.emit?.({ type: 'event', event: 'export-progress', payload }),
    });
  return {
    exportLetters: (args) => runner.start(args),
    cancelExport: ({ jobId }) => runner.cancel(jobId),
    backupArchive: ({ destination }) =>
      backupArchive(db, dataDir, destination, { settings: options.settings?.() }),
    restoreArchive: async ({ source }) => {
      const letters = db.prepare('SELECT COUNT(*) FROM letters').pluck().get() as number;
      if (letters > 0) {
        throw new ApiError(
          'invalid_arguments',
          `当前归档中已有 ${letters} 封回函，只能恢复到空的归档。请先新建或切换到一个空的归档文件夹，再恢复备份。`,
        );
      }
      if (!options.restore) {
        throw new ApiError(
          'not_available',
          '「恢复」需要重新打开归档，此处暂不支持，请使用命令行 huihan restore。',
        );
      }
      return options.restore(source);
    },
  };
}
