import { Archive } from '../engine/archive';
import { resolveArchiveDir } from '../common/data-folder';

/** What every command gets: where to write, and the archive opened in-process on demand. */
export interface CliContext {
  json: boolean;
  dataDir: string;
  out: (text: string) => void;
  err: (text: string) => void;
  openArchive: () => Archive;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export function createCliContext(
  flags: { json: boolean; data: string | undefined },
  io: CliIo,
): CliContext & {
  close: () => void;
} {
  const dataDir = resolveArchiveDir(flags.data, io.env);
  let archive: Archive | null = null;
  return {
    json: flags.json,
    dataDir,
    out: io.out,
    err: io.err,
    openArchive: () => {
      archive ??= Archive.open({ dataDir });
      return archive;
    },
    close: () => archive?.close(),
  };
}

/** Thrown by a command for a usage mistake: printed with the command's help, exit code 2. */
export class UsageError extends Error {}
