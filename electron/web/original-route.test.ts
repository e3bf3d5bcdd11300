import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLetter } from '../../bench/letter-generator';
import type { WebHost } from './host';
import { contentDisposition, originalContentType, originalIdOf } from './original-route';
import { send, startTestWebHost } from './web-host-test-support';

let host: WebHost;
let cookie: string;
let close: () => Promise<void>;
let source: string;
const gbkBytes = iconv.encode(generateLetter(31, 0).text, 'gb18030');

/** A GET with the session cookie, or with `withCookie` ('' for none). */
const get = (path: string, withCookie = cookie) =>
  send(host, path, withCookie === '' ? {} : { headers: { cookie: withCookie } });

async function call<T>(method: string, args: unknown): Promise<T> {
  const reply = await send(host, '/api/call', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const answer = JSON.parse(reply.body.toString('utf8')) as
    { ok: true; result: T } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result;
}

beforeAll(async () => {
  const started = await startTestWebHost();
  ({ host, cookie, close } = started);
  source = join(started.root, '第018号 答复函.txt');
  writeFileSync(source, gbkBytes);
  await call('importPaths', { paths: [source] });
  for (let tries = 0; tries < 600; tries += 1) {
    const [entry] = await call<Array<{ state: string }>>('listImports', { limit: 1 });
    if (entry && entry.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterAll(() => close());

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
    const inline = await get(url);
    expect(inline.status).toBe(200);
    expect(inline.body.equals(gbkBytes)).toBe(true);
    expect(inline.headers['content-type']).toMatch(/^text\/plain; charset=(gb18030|gbk)/iu);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /u);
    expect(inline.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('第018号 答复函.txt')}`,
    );
    const { url: downloadUrl } = await call<{ url: string }>('openOriginal', { id, download: true });
    const download = await get(downloadUrl);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /u);
    expect(download.body.equals(gbkBytes)).toBe(true);
  });

  it('refuses without the token, and answers 404 for unknown ids and other paths', async () => {
    const page = await call<{ items: Array<{ id: number }> }>('listLetters', {});
    expect((await get(`/originals/${page.items[0]!.id}`, '')).status).toBe(401);
    expect((await get('/originals/999999')).status).toBe(404);
    expect((await get('/originals/..%2F..%2Fhuihan.sqlite')).status).toBe(404);
    expect((await get('/originals/1/../../huihan.sqlite')).body.toString('utf8')).not.toContain('SQLite');
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
