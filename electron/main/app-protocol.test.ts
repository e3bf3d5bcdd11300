import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from './app-protocol';

vi.mock('electron', () => ({}));

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'huihan-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>回函档案</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = (url: string, method = 'GET') => createAppProtocolHandler(root, vi.fn())({ url, method });

describe('app:// protocol handler', () => {
  it('serves the renderer’s files with their MIME types', async () => {
    const page = await serve('app://huihan/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('回函档案');
    expect((await serve('app://huihan/assets/index-abc.js')).headers.get('content-type')).toMatch(
      /^text\/javascript/u,
    );
    expect((await serve('app://huihan/assets/index-abc.css')).headers.get('content-type')).toMatch(
      /^text\/css/u,
    );
    expect((await serve('app://huihan/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('serves index.html for the bare origin', async () => {
    const page = await serve('app://huihan/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>回函档案</title>');
  });

  it('sets the Content-Security-Policy on every response, errors included', async () => {
    for (const url of [
      'app://huihan/index.html',
      'app://huihan/missing.js',
      'app://huihan/%2e%2e/secret.txt',
    ]) {
      expect((await serve(url)).headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('refuses to leave the renderer folder, however the ../ is spelled', async () => {
    for (const url of [
      'app://huihan/..%2Fsecret.txt',
      'app://huihan/%2e%2e%2fsecret.txt',
      'app://huihan/assets/..%2F..%2Fsecret.txt',
      'app://huihan/..%5Csecret.txt',
      `app://huihan/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://huihan/index.html%00.js',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside');
    }
  });

  it('answers 404 for a missing file, another host, or a directory', async () => {
    expect((await serve('app://huihan/nope.html')).status).toBe(404);
    expect((await serve('app://other/index.html')).status).toBe(404);
    expect((await serve('app://huihan/assets/')).status).toBe(404);
  });

  it('is read-only', async () => {
    expect((await serve('app://huihan/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://huihan/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths inside the folder only', () => {
    expect(resolveAppPath(root, 'app://huihan/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, 'app://huihan/a/../index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://huihan/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://huihan/%E0%A4%A')).toBeNull();
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs a handler for app:// that serves the folder', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, root, vi.fn());
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://huihan/index.html'));
    expect(response.status).toBe(200);
  });
});
