import { join } from 'node:path';
import { readArchivePointer } from '../common/archive-pointer';
import { defaultArchiveDir } from '../common/data-folder';

/** Where the built parts sit relative to the main bundle (out/main/index.js). */
export interface BuiltPaths {
  rendererRoot: string;
  preload: string;
  engineWorker: string;
}

export function builtPaths(mainDir: string): BuiltPaths {
  return {
    rendererRoot: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    engineWorker: join(mainDir, '..', 'engine', 'worker.js'),
  };
}

/**
 * The archive folder: HUIHAN_DATA when set (tests, portable use), else where the user moved it
 * (userData/archive-location.json), else userData/archive.
 */
export function archiveDirFor(env: NodeJS.ProcessEnv, userData: string): string {
  const fromEnv = env.HUIHAN_DATA?.trim();
  return fromEnv ? fromEnv : (readArchivePointer(userData) ?? defaultArchiveDir(userData));
}

/**
 * Where settings.json lives: userData for the default archive (the file the web host and the CLI
 * also read for it), inside the archive folder for any other archive — as settingsDirFor() decides.
 */
export function settingsDirForArchive(archiveDir: string, userData: string): string {
  return archiveDir === defaultArchiveDir(userData) ? userData : archiveDir;
}

/** The environment the engine process starts with. */
export function engineEnv(
  env: NodeJS.ProcessEnv,
  archiveDir: string,
  packagedResources: string | null,
): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...env, HUIHAN_DATA: archiveDir };
  // The packaged app ships nodejieba's dictionaries as extraResources (outside the asar).
  if (packagedResources) next.HUIHAN_DICT_DIR = join(packagedResources, 'dict');
  return next;
}
