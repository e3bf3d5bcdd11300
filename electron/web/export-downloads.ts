import { createReadStream, lstatSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExportDestination, ExportDestinationKind } from '../../shared/domain';
import { withExportExtension } from '../../shared/export-kinds';
import { sanitizeFileName } from '../engine/export/file-names';

/**
 * Exports under the web host: there is no system save dialog, so every export, ledger and backup is
 * written into the archive's exports folder and fetched by the browser from DOWNLOAD_PATH (token-checked
 * like every other route). Only plain files directly inside that folder are ever served.
 */
export const DOWNLOAD_PATH = '/api/download';

const TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.zip': 'application/zip',
  '.huihan': 'application/zip',
};

/** Where an export goes under the web host: `exportsDir/<clean name>`, with a download address for files. */
export function webExportDestination(
  exportsDir: string,
  kind: ExportDestinationKind,
  suggestedName: string,
): ExportDestination {
  mkdirSync(exportsDir, { recursive: true });
  const name = sanitizeFileName(withExportExtension(suggestedName.trim(), kind), '导出');
  return {
    path: join(resolve(exportsDir), name),
    overwriteConfirmed: false,
    downloadUrl: kind === 'originals' ? null : `${DOWNLOAD_PATH}?name=${encodeURIComponent(name)}`,
  };
}

/**
 * The file `name` refers to: a regular file directly inside `exportsDir` (no separators, no `..`,
 * no hidden or temporary files, no symbolic links), or null.
 */
export function downloadableFile(exportsDir: string, name: string | null): string | null {
  if (!name || name.includes('\0') || /[\\/]/u.test(name) || name.startsWith('.')) return null;
  const folder = resolve(exportsDir);
  const file = resolve(folder, name);
  if (!file.startsWith(folder + sep) || file.slice(folder.length + 1) !== name) return null;
  try {
    return lstatSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** `attachment` with an ASCII fallback and the real (Chinese) name as RFC 5987 UTF-8. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/gu, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Answers GET/HEAD DOWNLOAD_PATH?name=…: the file as an attachment, or 404 in Chinese. */
export async function sendDownload(
  request: IncomingMessage,
  response: ServerResponse,
  exportsDir: string | undefined,
  name: string | null,
): Promise<void> {
  const file = exportsDir ? downloadableFile(exportsDir, name) : null;
  if (!file || !name) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('找不到要下载的文件，可能已被移走，请重新导出。');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
    'content-length': lstatSync(file).size,
    'content-disposition': contentDisposition(name),
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(file), response);
}
