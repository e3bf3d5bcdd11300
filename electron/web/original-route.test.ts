import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLetter } from '../../bench/letter-generator';
import { openSettingsFile } from '../common/settings-file';
import { sourceEngineSpawner } from '../common/test-engine';
import { temporaryFolder } from '../engine/test-support';
import { startWebHost, type WebHost } from './host';
import { contentDisposition, originalContentType, originalIdOf } from './original-route';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  path: string,
  options: { method?: string; body?: string; cookie?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: `127.0.0.1:${host.port}`,
          'content-type': 'application/json',
          ...(options.cookie === '' ? {} : { cookie: options.cookie ?? cookie }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function call<T>(method: string, args: unknown): Promise<T> {
  const reply = JSON.parse(
    (await send('/api/call', { method: 'POST', body: JSON.stringify({ method, args }) })).body.toString(
      'utf8',
    ),
  ) as { ok: true; result: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result;
}

let host: WebHost;
let cookie: string;
let remove: () => void;
let source: string;
const gbkBytes = iconv.encode(generateLetter(31, 0).text, 'gb18030');

beforeAll(async () => {
  const folder = temporaryFolder();
  remove = folder.remove;
  const renderer = join(folder.path, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<html><head><title>回函档案</title></head></html>');
  const dataDir = join(folder.path, 'archive');
  host = await startWebHost({
    rendererDir: renderer,
    incomingDir: join(dataDir, 'incoming'),
    spawnEngine: sourceEngineSpawner(dataDir),
    settings: openSettingsFile(dataDir),
  });
  cookie = String((await send(`/?token=${host.token}`, { cookie: '' })).headers['set-cookie']).split(';')[0]!;
  source = join(folder.path, '第018号 答复函.txt');
  writeFileSync(source, gbkBytes);
  await call('importPaths', { paths: [source] });
  for (let tries = 0; tries < 600; tries += 1) {
    const [entry] = await call<Array<{ state: string }>>('listImports', { limit: 1 });
    if (entry && entry.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterAll(async () => {
  await host.close();
  remove();
});

describe('originals under the web host', () => {
  it('says the browser opens originals by address and there is no file manager', async () => {
    expect(await call('hostCapabilities', {})).toEqual({
      openOriginal: 'browser',
      showInFolder: false,
      exportDestination: 'download',
    });
    await expect(call('showOriginalInFolder', { id: 1 })).rejects.toThrow(/网页界面中不能在文件夹中显示/u);
  });

  it('serves the original byte for byte, with its encoding, its readable name, inline or as a download', async () => {
    const page = await call<{ items: Array<{ id: number }> }>('listLetters', {});
    const id = page.items[0]!.id;
    const { url } = await call<{ url: string }>('openOriginal', { id });
    expect(url).toBe(`/originals/${id}`);
    const inline = await send(url);
    expect(inline.status).toBe(200);
    expect(inline.body.equals(gbkBytes)).toBe(true);
    expect(inline.headers['content-type']).toMatch(/^text\/plain; charset=(gb18030|gbk)/iu);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /u);
    expect(inline.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('第018号 答复函.txt')}`,
    );
    const { url: downloadUrl } = await call<{ url: string }>('openOriginal', { id, download: true });
    const download = await send(downloadUrl);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /u);
    expect(download.body.equals(gbkBytes)).toBe(true);
  });

  it('refuses without the token, and answers 404 for unknown ids and other paths', async () => {
    const page = await call<{ items: Array<{ id: number }> }>('listLetters', {});
    expect((await send(`/originals/${page.items[0]!.id}`, { cookie: '' })).status).toBe(401);
    expect((await send('/originals/999999')).status).toBe(404);
    expect((await send('/originals/..%2F..%2Fhuihan.sqlite')).status).toBe(404);
    expect((await send('/originals/1/../../huihan.sqlite')).body.toString('utf8')).not.toContain('SQLite');
  });
});

describe('original address helpers', () => {
  it('accepts only plain positive ids', () => {
    expect(originalIdOf('/originals/12')).toBe(12);
    for (const path of [
      '/originals/0',
      '/originals/-1',
      '/originals/1.5',
      '/originals/1/x',
      '/originals/%31',
    ])
      expect(originalIdOf(path)).toBeNull();
  });

  it('types originals by extension, sandboxing nothing it need not, and keeps Chinese names', () => {
    expect(originalContentType({ fileName: 'a.docx', encoding: null })).toMatch(/wordprocessingml/u);
    expect(originalContentType({ fileName: 'a.PDF', encoding: null })).toBe('application/pdf');
    expect(originalContentType({ fileName: 'a.txt', encoding: 'gb18030' })).toBe(
      'text/plain; charset=gb18030',
    );
    expect(originalContentType({ fileName: 'a.txt', encoding: 'x"; evil' })).toBe(
      'text/plain; charset=utf-8',
    );
    expect(contentDisposition('目录/回函"一".docx', true)).toBe(
      `attachment; filename="_____.docx"; filename*=UTF-8''${encodeURIComponent('回函"一".docx')}`,
    );
  });
});
