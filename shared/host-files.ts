/**
 * How the UI turns files the user dropped or chose into paths the archive can import. Each host
 * provides it as window.huihanFiles: the desktop app maps each File to its path on disk; the web
 * host uploads the files into the archive's incoming folder and returns that folder.
 */
export interface HostFiles {
  toImportPaths(files: File[]): Promise<string[]>;
  /** The path of one chosen file the archive reads (a backup to restore): on disk, or uploaded first. */
  toLocalFile(file: File): Promise<string>;
}

export const UPLOAD_PATH = '/api/upload';
