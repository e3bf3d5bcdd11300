import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../engine/store/migrations';
import type { WebHost } from './host';
import { send as sendRaw, startTestWebHost, type Reply, type SendOptions } from './web-host-test-support';

/** A raw request (see web-host-test-support), its body as text. */
async function send(
  to: WebHost,
  path: string,
  options: SendOptions = {},
): Promise<{ status: number; headers: Reply['headers']; body: string }> {
  const reply = await sendRaw(to, path, options);
  return { ...reply, body: reply.body.toString('utf8') };
}

let host: WebHost;
let cookie: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ host, cookie, close } = await startTestWebHost({
    rendererFiles: {
      'index.html': '<html><head><title>回函档案</title></head><body></body></html>',
      'assets/app.js': 'console.log(1)',
    },
  }));
});

afterAll(() => close());

describe('the web host', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{20,}$`, 'u'));
  });

  it('moves the token from the URL into an HttpOnly cookie and redirects', async () => {
    const reply = await send(host, `/?token=${host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/u);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const none = await send(host, '/');
    expect(none.status).toBe(401);
    expect(none.body).toContain('访问令牌');
    expect((await send(host, '/?token=guess')).status).toBe(401);
    const call = await send(host, '/api/call', {
      method: 'POST',
      body: JSON.stringify({ method: 'status' }),
    });
    expect(call.status).toBe(401);
  });

  it('refuses requests whose Host header is not the loopback address (DNS rebinding)', async () => {
    const reply = await send(host, '/', { headers: { host: `evil.example:${host.port}`, cookie } });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('127.0.0.1');
  });

  it('serves the UI with the bridge injected and a strict CSP, and nothing outside its folder', async () => {
    const page = await send(host, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/web-bridge.js"></script>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send(host, '/assets/app.js', { headers: { cookie } })).status).toBe(200);
    expect((await send(host, '/../secret.txt', { headers: { cookie } })).status).toBe(404);
    expect((await send(host, '/%2e%2e/secret.txt', { headers: { cookie } })).status).toBe(404);
    const encoded = await send(host, '/assets%2F..%2F..%2Fsecret.txt', { headers: { cookie } });
    expect(encoded.status).toBe(404);
    expect(encoded.body).not.toContain('outside');
  });

  it('answers ArchiveApi calls from the engine process and settings from the host', async () => {
    const call = (method: string, args: unknown, headers: Record<string, string> = {}) =>
      send(host, '/api/call', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ method, args }),
      });
    const status = JSON.parse((await call('status', {})).body) as {
      ok: boolean;
      result: { schemaVersion: number };
    };
    expect(status).toMatchObject({
      ok: true,
      result: { schemaVersion: LATEST_SCHEMA_VERSION, letterCount: 0 },
    });

    const bad = JSON.parse((await call('getLetter', { id: 'x' })).body) as {
      ok: boolean;
      error: { code: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });

    const missing = JSON.parse((await call('restoreArchive', { source: '/tmp/无此备份.huihan' })).body);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/找不到备份文件/u) },
    });

    const updated = JSON.parse((await call('updateSettings', { customDictionary: ['回头看'] })).body);
    expect(updated).toMatchObject({ ok: true, result: { customDictionary: ['回头看'] } });
    const read = JSON.parse((await call('getSettings', {})).body);
    expect(read.result.customDictionary).toEqual(['回头看']);

    const foreign = await call('status', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });
});
