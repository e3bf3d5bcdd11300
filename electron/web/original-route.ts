import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname } from 'node:path';
import { ApiError, toApiErrorData } from '../../shared/api-error';
import type { MethodName } from '../../shared/api-schemas';
import type { HostCapabilities, OriginalFileInfo } from '../../shared/domain';

/** `/originals/<letter id>` serves the letter's original; `?download=1` as an attachment. */
export const ORIGINALS_PATH = '/originals/';

/** The methods of HOST_METHODS about originals, answered by the web host. */
export const WEB_ORIGINAL_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'hostCapabilities',
  'openOriginal',
  'showOriginalInFolder',
]);

const WEB_CAPABILITIES: HostCapabilities = {
  openOriginal: 'browser',
  showInFolder: false,
  exportDestination: 'download',
};

/** Answers one of WEB_ORIGINAL_METHODS: the browser opens the address given; there is no file manager. */
export function answerWebOriginalMethod(method: MethodName, args: unknown): unknown {
  if (method === 'hostCapabilities') return WEB_CAPABILITIES;
  const { id, download } = args as { id: number; download?: boolean };
  if (method === 'openOriginal') return { url: `${ORIGINALS_PATH}${id}${download ? '?download=1' : ''}` };
  throw new ApiError('not_available', '网页界面中不能在文件夹中显示原件，请用「下载原件」。');
}

/** The letter id of an originals address, or null when the path is not one. */
export function originalIdOf(pathname: string): number | null {
  const match = /^\/originals\/([1-9]\d{0,11})$/u.exec(pathname);
  return match ? Number(match[1]) : null;
}

const TYPES: Readonly<Record<string, string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.wps': 'application/vnd.ms-works',
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.mht': 'message/rfc822',
  '.mhtml': 'message/rfc822',
  '.zip': 'application/zip',
};

/** The MIME type of an original; text carries the encoding detected at import (GBK letters stay readable). */
export function originalContentType(info: Pick<OriginalFileInfo, 'fileName' | 'encoding'>): string {
  const extension = extname(info.fileName).toLowerCase();
  const charset = info.encoding && /^[\w.-]{1,40}$/u.test(info.encoding) ? info.encoding : 'utf-8';
  if (extension === '.txt' || extension === '') return `text/plain; charset=${charset}`;
  const type = TYPES[extension] ?? 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=${charset}` : type;
}

/** Content-Disposition with the readable (Chinese) name, and an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, download: boolean): string {
  const name = basename(fileName.replace(/\\/gu, '/')) || '原件';
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `${download ? 'attachment' : 'inline'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The engine keeps originals as originals/<2 hex>/<sha256>: anything else is refused. */
function isArchiveCopy(info: OriginalFileInfo): boolean {
  return (
    /^[0-9a-f]{64}$/u.test(info.sha256) &&
    basename(info.path) === info.sha256 &&
    /[\\/]originals[\\/][0-9a-f]{2}[\\/][0-9a-f]{64}$/u.test(info.path)
  );
}

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}

/**
 * Serves a letter's original byte for byte (GET or HEAD), behind the host's token check. HTML-like
 * originals are sandboxed (no script, no access to the app), since they come from outside.
 */
export async function serveOriginal(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  lookup: (id: number) => Promise<unknown>,
): Promise<void> {
  const id = originalIdOf(url.pathname);
  if (id === null) {
    sendText(response, 404, '找不到该原件。');
    return;
  }
  let info: OriginalFileInfo;
  try {
    info = (await lookup(id)) as OriginalFileInfo;
  } catch (error) {
    const data = toApiErrorData(error);
    sendText(response, data.code === 'not_found' ? 404 : 500, data.message);
    return;
  }
  let size: number;
  try {
    if (!isArchiveCopy(info)) throw new Error('not an archive copy');
    size = (await stat(info.path)).size;
  } catch {
    sendText(response, 404, `归档文件夹中找不到「${info.fileName}」的原件。`);
    return;
  }
  const type = originalContentType(info);
  const headers: Record<string, string | number> = {
    'content-type': type,
    'content-length': size,
    'content-disposition': contentDisposition(info.fileName, url.searchParams.get('download') === '1'),
    'cache-control': 'no-store',
  };
  if (/^(text\/html|message\/|image\/svg|application\/(xhtml|xml))/u.test(type)) {
    headers['content-security-policy'] =
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  }
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(info.path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
