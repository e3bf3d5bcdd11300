import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_TOKEN_HEADER } from '../../shared/channels';

/** The only Host header values accepted: the loopback address (or localhost) on our own port. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  return allowed.includes(hostHeader.toLowerCase());
}

/** Same-origin check for calls: an Origin header, when a browser sends one, must be our own. */
export function isOwnOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return originHeader === `http://127.0.0.1:${port}` || originHeader === `http://localhost:${port}`;
}

export function tokenCookieName(port: number): string {
  return `huihan_token_${port}`;
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The token a request carries: the per-port cookie, the header, or `?token=` in the URL. */
export function requestToken(request: IncomingMessage, url: URL, port: number): string | null {
  const header = request.headers[WEB_TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return url.searchParams.get('token') ?? cookieValue(request.headers.cookie, tokenCookieName(port));
}
