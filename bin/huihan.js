#!/usr/bin/env node
// The `huihan` command: runs the CLI built by `npm ci` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/index.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('回函档案命令行尚未构建：请在项目文件夹中运行 npm run build（npm ci 会自动构建）。\n');
  process.exit(1);
}
await import(pathToFileURL(built).href);
