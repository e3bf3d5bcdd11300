import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, mimeTypeFor } from '../common/content-policy';
import { APP_HOST, APP_SCHEME } from './app-url';
import type { Log } from './log';

export { CONTENT_SECURITY_POLICY, MIME_TYPES, mimeTypeFor };

/** Registers app:// as a privileged scheme. Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Maps app://huihan/<path> to a file inside `root`, or null when the URL is not the app's or the
 * path would leave the folder (../, encoded slashes, absolute paths, NUL bytes …).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname.replace(/^\/+/u, '') || 'index.html';
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const inside = relative(base, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('未找到该文件。', { status: 404, headers: headers('text/plain; charset=utf-8') });
}

export interface AppRequest {
  url: string;
  method?: string;
}

export type AppProtocolHandler = (request: AppRequest) => Promise<Response>;

/** Serves the built renderer folder over app://huihan/, read-only, with the app's CSP. */
export function createAppProtocolHandler(
  root: string,
  log: Log,
  read: (path: string) => Promise<Buffer> = (path) => readFile(path),
): AppProtocolHandler {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      return new Response('不支持的请求。', { status: 405, headers: headers('text/plain; charset=utf-8') });
    }
    const path = resolveAppPath(root, request.url);
    if (!path) {
      log(`app protocol: refused ${request.url.slice(0, 200)}`);
      return notFound();
    }
    let body: Buffer;
    try {
      body = await read(path);
    } catch {
      log(`app protocol: not found ${request.url.slice(0, 200)}`);
      return notFound();
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(mimeTypeFor(path)),
    });
  };
}

/** Installs the handler for app:// (after ready). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string, log: Log): void {
  const handler = createAppProtocolHandler(root, log);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
