import type { ImportProgress } from '../../shared/domain';
import { Archive } from '../engine/archive';
import { resolveArchiveDir } from '../common/data-folder';

/** What every command gets: where to write, and the archive opened in-process on demand. */
export interface CliContext {
  json: boolean;
  dataDir: string;
  /** Whether stderr is a terminal (a progress bar redraws in place there). */
  isTerminal: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Writes to stderr as is, without a newline (for a progress bar). */
  errRaw: (text: string) => void;
  openArchive: (onImportProgress?: (progress: ImportProgress) => void) => Archive;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  errRaw?: (text: string) => void;
  isTerminal?: boolean;
  env: NodeJS.ProcessEnv;
  /** The built extract-worker script (absent when run from source). */
  extractWorkerPath?: string;
}

export function createCliContext(
  flags: { json: boolean; data: string | undefined },
  io: CliIo,
): CliContext & { close: () => void } {
  const dataDir = resolveArchiveDir(flags.data, io.env);
  let archive: Archive | null = null;
  let progressListener: ((progress: ImportProgress) => void) | undefined;
  return {
    json: flags.json,
    dataDir,
    isTerminal: io.isTerminal ?? false,
    out: io.out,
    err: io.err,
    errRaw: io.errRaw ?? io.err,
    openArchive: (onImportProgress) => {
      progressListener = onImportProgress ?? progressListener;
      archive ??= Archive.open({
        dataDir,
        extractWorker: io.extractWorkerPath ? { path: io.extractWorkerPath } : undefined,
        emit: (message) => {
          if (message.event === 'import-progress') progressListener?.(message.payload as ImportProgress);
        },
      });
      return archive;
    },
    close: () => archive?.close(),
  };
}

/** Thrown by a command for a usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {}
