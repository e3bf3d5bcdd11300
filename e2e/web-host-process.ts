import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const WEB_HOST = join(ROOT, 'out', 'web', 'index.js');

export interface RunningWebHost {
  /** The URL the host printed, token included. */
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `npm run web` as a user would (node out/web/index.js) on a fresh archive folder. */
export async function startWebHostProcess(): Promise<RunningWebHost> {
  if (!existsSync(WEB_HOST)) throw new Error(`找不到 ${WEB_HOST}：请先运行 npm run build。`);
  const base = mkdtempSync(join(tmpdir(), 'huihan-e2e-'));
  const dataDir = join(base, '回函 档案');
  const child: ChildProcess = spawn(process.execPath, [WEB_HOST, '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`网页宿主没有打印网址：\n${output}`)), 20_000);
    const poll = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/u.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[0]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`网页宿主退出（${code}）：\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await removeFolder(base);
    },
  };
}

/**
 * Removes the test's folder. The engine can still be writing its search index file as the host exits
 * (seen in CI: the file appears during the removal), and rmSync's own retries do not walk the folder
 * again, so each attempt here is a fresh removal.
 */
async function removeFolder(folder: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      rmSync(folder, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
