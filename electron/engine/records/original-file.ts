import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { OriginalFileInfo } from '../../../shared/domain';
import { originalPath } from '../store/originals';

interface OriginalRow {
  sha256: string;
  file_name: string;
  source_path: string | null;
  format: string;
  encoding: string | null;
  byte_size: number;
}

/** Where the archive keeps a letter's original, and what the host needs to open or serve it. */
export function originalFile(db: Database, archiveDir: string, id: number): OriginalFileInfo {
  const row = db
    .prepare('SELECT sha256, file_name, source_path, format, encoding, byte_size FROM letters WHERE id = ?')
    .get(id) as OriginalRow | undefined;
  if (!row) throw new ApiError('not_found', `找不到编号为 ${id} 的回函，它可能已被移除。`);
  return {
    path: originalPath(archiveDir, row.sha256),
    fileName: row.file_name,
    sourcePath: row.source_path,
    format: row.format,
    encoding: row.encoding,
    byteSize: row.byte_size,
    sha256: row.sha256,
  };
}
