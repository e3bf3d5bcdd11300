import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { mimeTypeFor } from '../common/content-policy';

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
      return { body: Buffer.from(injectBridge(body.toString('utf8'))), type: mimeTypeFor(file) };
    }
    return { body, type: mimeTypeFor(file) };
  } catch {
    return null;
  }
}
