#!/usr/bin/env node
// Makes the native modules (better-sqlite3, nodejieba) built for the runtime that will load them:
//   node scripts/native-modules.js node      → for Node (CLI, web host, unit tests)
//   node scripts/native-modules.js electron  → for Electron (the app, its Playwright spec, packaging)
// What they were last built for is kept in .native-modules.json (git-ignored); nothing is rebuilt
// when they already match.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD_FILE = join(ROOT, '.native-modules.json');
const MODULES = ['better-sqlite3', 'nodejieba'];

/** The runtime's name, version and ABI (NODE_MODULE_VERSION) — a module built for one loads only there. */
function targetOf(runtime) {
  if (runtime === 'node') {
    return { runtime, version: process.versions.node, abi: process.versions.modules };
  }
  const electronDir = join(ROOT, 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const abiFile = join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  return { runtime, version, abi };
}

function readRecord() {
  if (!existsSync(RECORD_FILE)) {
    // A fresh `npm ci` builds the native modules for the Node that ran it.
    const assumed = { ...targetOf('node'), modules: MODULES, assumed: true };
    console.log('未找到 .native-modules.json：按 npm ci 的结果，视为本地模块已为 Node 编译，并写入记录。');
    writeRecord(assumed);
    return assumed;
  }
  try {
    return JSON.parse(readFileSync(RECORD_FILE, 'utf8'));
  } catch {
    console.log('.native-modules.json 无法读取，将重新编译。');
    return null;
  }
}

function writeRecord(record) {
  writeFileSync(RECORD_FILE, `${JSON.stringify({ ...record, at: new Date().toISOString() }, null, 2)}\n`);
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function main() {
  const runtime = process.argv[2];
  if (runtime !== 'node' && runtime !== 'electron') {
    console.error('用法：node scripts/native-modules.js node|electron');
    process.exit(2);
  }
  const target = targetOf(runtime);
  const record = readRecord();
  if (record && record.runtime === target.runtime && String(record.abi) === String(target.abi)) {
    console.log(`本地模块（${MODULES.join('、')}）已为 ${runtime} ${record.version} 编译，无需重新编译。`);
    return;
  }
  const from = record ? `${record.runtime} ${record.version}` : '未知环境';
  console.log(
    `本地模块（${MODULES.join('、')}）目前为 ${from} 编译，正在为 ${runtime} ${target.version} 重新编译……`,
  );
  const ok =
    runtime === 'node'
      ? run('npm', ['rebuild', ...MODULES])
      : run('npx', ['--no-install', 'electron-builder', 'install-app-deps']);
  if (!ok) {
    console.error(
      `重新编译失败：本地模块仍为 ${from} 编译。请检查上面的输出（编译器、网络或 Electron 头文件）。`,
    );
    process.exit(1);
  }
  writeRecord({ ...target, modules: MODULES });
  console.log(`完成：本地模块已为 ${runtime} ${target.version} 编译。`);
}

main();
