import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, downloadableFile, webExportDestination } from './export-downloads';
import type { WebHost } from './host';
import { send, startTestWebHost } from './web-host-test-support';

let host: WebHost;
let cookie: string;
let root: string;
let exportsDir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const started = await startTestWebHost({ exports: true });
  ({ host, cookie, root, close } = started);
  exportsDir = join(started.dataDir, 'exports');
});

afterAll(() => close());

async function call(method: string, args: unknown): Promise<{ ok: boolean; result?: unknown }> {
  const reply = await send(host, '/api/call', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  return JSON.parse(reply.body.toString('utf8')) as { ok: boolean; result?: unknown };
}

describe('exports under the web host', () => {
  it('says exports are downloaded, and puts each into the exports folder with a clean name', async () => {
    expect(await call('hostCapabilities', {})).toMatchObject({
      ok: true,
      result: { exportDestination: 'download' },
    });
    expect(await call('chooseExportDestination', { kind: 'docx', suggestedName: '提案/答复:汇编' })).toEqual({
      ok: true,
      result: {
        path: join(exportsDir, '提案_答复_汇编.docx'),
        overwriteConfirmed: false,
        downloadUrl: `/api/download?name=${encodeURIComponent('提案_答复_汇编.docx')}`,
      },
    });
    expect(
      await call('chooseExportDestination', { kind: 'backup', suggestedName: '../../备份' }),
    ).toMatchObject({
      result: { path: join(exportsDir, '_.._备份.huihan') },
    });
    expect(await call('chooseExportDestination', { kind: 'originals', suggestedName: '原件' })).toMatchObject(
      {
        result: { path: join(exportsDir, '原件'), downloadUrl: null },
      },
    );
  });

  it('serves a finished export as an attachment with its Chinese name, only with the token', async () => {
    const name = '提案办理答复汇编 2025.docx';
    writeFileSync(join(exportsDir, name), 'docx bytes');
    const path = `/api/download?name=${encodeURIComponent(name)}`;
    const reply = await send(host, path, { headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toBe('docx bytes');
    expect(reply.headers['content-type']).toMatch(/wordprocessingml/u);
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="________ 2025.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect((await send(host, path)).status).toBe(401);
  });

  it('serves nothing outside the exports folder, nor folders, hidden temporaries or links', async () => {
    mkdirSync(join(exportsDir, '原件'), { recursive: true });
    writeFileSync(join(exportsDir, '.汇编.docx.abc.tmp'), 'half');
    symlinkSync(join(root, 'secret.txt'), join(exportsDir, 'link.txt'));
    for (const name of [
      '../secret.txt',
      '..%2Fsecret.txt',
      '原件',
      '.汇编.docx.abc.tmp',
      'link.txt',
      '',
      '/etc/passwd',
    ]) {
      const reply = await send(host, `/api/download?name=${encodeURIComponent(name)}`, {
        headers: { cookie },
      });
      expect(reply.status, name).toBe(404);
      expect(reply.body.toString('utf8')).not.toContain('outside');
    }
    expect((await send(host, '/api/download', { headers: { cookie } })).status).toBe(404);
  });
});

describe('download helpers', () => {
  it('accepts only plain names directly inside the folder', () => {
    writeFileSync(join(exportsDir, 'a.csv'), 'x');
    expect(downloadableFile(exportsDir, 'a.csv')).toBe(join(exportsDir, 'a.csv'));
    expect(downloadableFile(exportsDir, 'sub\\a.csv')).toBeNull();
    expect(downloadableFile(exportsDir, 'a.csv\0')).toBeNull();
    expect(downloadableFile(exportsDir, null)).toBeNull();
    expect(downloadableFile(exportsDir, '不存在.csv')).toBeNull();
  });

  it('keeps quotes and separators out of the plain filename', () => {
    expect(contentDisposition('a"b;c.csv')).toBe(
      `attachment; filename="a_b_c.csv"; filename*=UTF-8''a%22b%3Bc.csv`,
    );
    expect(webExportDestination(exportsDir, 'ledger', '督办台账').path).toBe(
      join(exportsDir, '督办台账.xlsx'),
    );
  });
});
