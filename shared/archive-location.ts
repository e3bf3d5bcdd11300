/** The archive folder as the settings screen shows it (设置 › 档案位置), and moving it. */
export interface ArchiveLocation {
  dataDir: string;
  /** Files and bytes in the folder (database, originals, index files). */
  files: number;
  bytes: number;
  /** Whether the host can show a native folder dialog (the app); the web host asks for a typed path. */
  canChooseFolder: boolean;
  /** What decides the folder at the next start, in Chinese (e.g. the web host's --data). */
  nextStartNote: string;
  /** A move is running (started from another window or before a reload). */
  moving: boolean;
}

export type ArchiveMovePhase = 'checking' | 'stopping' | 'copying' | 'verifying' | 'starting' | 'cleaning';

/** Pushed while the archive is moved: what is being done, and how far the copy is. */
export interface ArchiveMoveProgress {
  phase: ArchiveMovePhase;
  /** In Chinese, for the progress line. */
  message: string;
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface ArchiveMoveResult {
  dataDir: string;
  previousDir: string;
  letterCount: number;
  files: number;
  bytes: number;
  /** Whether the old folder was removed (false when the user kept it, or something else was in it). */
  previousRemoved: boolean;
  /** In Chinese: what happened to the old folder and what decides the folder at the next start. */
  note: string;
}

/** What the engine did with the settings it was given (custom dictionary, topic rules). */
export interface AppliedSettings {
  /** The search dictionary changed: the word index is being re-cut in the background. */
  dictionaryChanged: boolean;
  /** Letters classified again under changed topic rules (0 when they did not change); null if unsupported. */
  reclassified: number | null;
}
