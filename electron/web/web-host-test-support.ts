import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { openSettingsFile } from '../common/settings-file';
import { sourceEngineSpawner } from '../common/test-engine';
import { temporaryFolder } from '../engine/test-support';
import { startWebHost, type WebHost } from './host';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A raw HTTP request to the host, so the Host header can be anything (fetch would not allow that). */
export function send(host: WebHost, path: string, options: SendOptions = {}): Promise<Reply> {
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
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface TestWebHost {
  host: WebHost;
  /** The session cookie the token page set (name=value). */
  cookie: string;
  /** The temporary folder: renderer/, archive/ and `secret.txt` (outside both, for traversal checks). */
  root: string;
  dataDir: string;
  /** Closes the host and removes the folder. */
  close: () => Promise<void>;
}

/**
 * A web host over a real engine (from source) on a fresh archive, with a renderer folder holding
 * `rendererFiles` (path → content; an index.html by default), already past the token page.
 */
export async function startTestWebHost(
  options: { rendererFiles?: Record<string, string>; exports?: boolean } = {},
): Promise<TestWebHost> {
  const folder = temporaryFolder();
  const root = folder.path;
  const renderer = join(root, 'renderer');
  const files = options.rendererFiles ?? {
    'index.html': '<html><head><title>回函档案</title></head></html>',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(renderer, path)), { recursive: true });
    writeFileSync(join(renderer, path), content);
  }
  writeFileSync(join(root, 'secret.txt'), 'outside');
  const dataDir = join(root, 'archive');
  const host = await startWebHost({
    rendererDir: renderer,
    incomingDir: join(dataDir, 'incoming'),
    ...(options.exports ? { exportsDir: join(dataDir, 'exports') } : {}),
    spawnEngine: sourceEngineSpawner(dataDir),
    settings: openSettingsFile(dataDir),
  });
  const first = await send(host, `/?token=${host.token}`);
  const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
  return {
    host,
    cookie,
    root,
    dataDir,
    close: async () => {
      await host.close();
      folder.remove();
    },
  };
}
