/**
 * `npm run web`: the web host. Serves the built UI and the archive on http://127.0.0.1 behind a
 * per-run token, with the engine in a child process. Prints the address to open.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { childEngineSpawner } from '../common/child-engine';
import { resolveArchiveDir } from '../common/data-folder';
import { startWebHost } from './host';
import { webArchiveHome } from './web-archive-home';

const USAGE = `用法: npm run web -- [--port 端口] [--data 归档文件夹]

在本机 127.0.0.1 上启动回函档案的网页界面（与桌面程序相同的界面和归档引擎）。
  --port N     监听端口（默认随机）
  --data DIR   归档文件夹（默认与桌面程序相同；也可用环境变量 HUIHAN_DATA）
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口无效：${values.port ?? ''}\n`);
    process.exitCode = 2;
    return;
  }
  const dataDir = resolveArchiveDir(values.data);
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const home = webArchiveHome({
    dataDir,
    explicit: Boolean(values.data?.trim() || process.env.HUIHAN_DATA?.trim()),
    log,
  });
  const host = await startWebHost({
    rendererDir: join(import.meta.dirname, '..', 'renderer'),
    incomingDir: join(dataDir, 'incoming'),
    exportsDir: join(dataDir, 'exports'),
    spawnEngine: childEngineSpawner({
      workerPath: join(import.meta.dirname, '..', 'engine', 'worker.js'),
      dataDir: () => home.dataDir,
      log,
    }),
    settings: home.settings,
    home,
    port,
    log,
  });
  process.stdout.write(`回函档案网页界面已启动（归档文件夹：${dataDir}）\n请在浏览器中打开：\n${host.url}\n`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`网页界面启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
