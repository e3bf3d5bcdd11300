import type { ImportProgress } from '../../shared/domain';
import { Archive } from '../engine/archive';
import { resolveArchiveDir, settingsDirFor } from '../common/data-folder';
import { readSettingsFile } from '../common/settings-file';

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
      if (archive) return archive;
      // The host's settings (custom dictionary, topic rules) reach the engine as they do in the app.
      const settings = readSettingsFile(settingsDirFor(dataDir, io.env));
      archive = Archive.open({
        dataDir,
        settings: { customDictionary: settings.customDictionary, topicRules: settings.topicRules },
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
