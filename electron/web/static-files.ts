import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const WEB_BRIDGE_FILE = 'web-bridge.js';

/** Resolves a URL path to a file inside `root`, or null when it would leave it. */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/u, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  return target.startsWith(base + sep) ? target : null;
}

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The page the web host serves: the built index.html with the bridge that defines window.huihan first. */
export function injectBridge(indexHtml: string): string {
  const tag = `<script type="module" src="/${WEB_BRIDGE_FILE}"></script>`;
  return indexHtml.includes('</title>')
    ? indexHtml.replace('</title>', `</title>\n    ${tag}`)
    : tag + indexHtml;
}

export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  const file = fileInside(root, urlPath);
  if (!file) return null;
  try {
    const body = await readFile(file);
    if (file.endsWith(`${sep}index.html`) && resolve(file) === resolve(root, 'index.html')) {
      return { body: Buffer.from(injectBridge(body.toString('utf8'))), type: mimeTypeOf(file) };
    }
    return { body, type: mimeTypeOf(file) };
  } catch {
    return null;
  }
}
