import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSettingsFile } from '../common/settings-file';
import { sourceEngineSpawner } from '../common/test-engine';
import { temporaryFolder } from '../engine/test-support';
import { startWebHost, type WebHost } from './host';
import { LATEST_SCHEMA_VERSION } from '../engine/store/migrations';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header can be anything (fetch would not allow that). */
function send(
  host: WebHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let host: WebHost;
let cookie: string;
let remove: () => void;

beforeAll(async () => {
  const folder = temporaryFolder();
  remove = folder.remove;
  const renderer = join(folder.path, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(
    join(renderer, 'index.html'),
    '<html><head><title>回函档案</title></head><body></body></html>',
  );
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder.path, 'secret.txt'), 'outside');
  const dataDir = join(folder.path, 'archive');
  host = await startWebHost({
    rendererDir: renderer,
    incomingDir: join(dataDir, 'incoming'),
    spawnEngine: sourceEngineSpawner(dataDir),
    settings: openSettingsFile(dataDir),
  });
  const first = await send(host, `/?token=${host.token}`);
  cookie = String(first.headers['set-cookie']).split(';')[0]!;
});

afterAll(async () => {
  await host.close();
  remove();
});

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
