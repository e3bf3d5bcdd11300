#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security scanner) on the built app (out/) and fails on
// any finding not listed below with the reason it is accepted. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Findings reviewed and accepted: check id + file → why. */
const ACCEPTED = {
  'CONTEXT_ISOLATION_JS_CHECK main/index.js':
    'options come from mainWindowOptions() (electron/main/window-options.ts): contextIsolation true, unit-tested',
  'SANDBOX_JS_CHECK main/index.js':
    'options come from mainWindowOptions(): sandbox true, and app.enableSandbox() before ready; unit-tested',
  'AUXCLICK_JS_CHECK main/index.js':
    'new windows are denied by setWindowOpenHandler and navigation away from app:// is prevented; unit-tested',
  'PRELOAD_JS_CHECK main/index.js':
    'the preload exposes only window.huihan (the typed ArchiveApi) and huihanFiles.pathForFile; reviewed',
  'CSP_GLOBAL_CHECK renderer/index.html':
    "LOW: the evaluator's generic note on 'self' sources; the app serves only its own bundled files",
};

const outDir = join(ROOT, 'out');
const reportDir = mkdtempSync(join(tmpdir(), 'huihan-electronegativity-'));
const report = join(reportDir, 'report.csv');
const bin = join(
  ROOT,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
);
const electronVersion = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const run = spawnSync(bin, ['-i', outDir, '-e', electronVersion, '-r', '-v', 'false', '-o', report], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity 运行失败。');
  process.exit(1);
}

const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
rmSync(reportDir, { recursive: true, force: true });
const unexpected = [];
for (const row of rows) {
  const [check, severity, , file, location] = row.split(',').map((cell) => cell.replace(/^"|"$/gu, ''));
  const key = `${check} ${file}`;
  if (ACCEPTED[key]) console.log(`已审阅 ${check}（${severity}）${file}:${location} — ${ACCEPTED[key]}`);
  else unexpected.push(`${check}（${severity}）${file}:${location}`);
}
if (unexpected.length > 0) {
  console.error(`Electronegativity 发现 ${unexpected.length} 个未审阅的问题：\n  ${unexpected.join('\n  ')}`);
  process.exit(1);
}
console.log(`Electronegativity：${rows.length} 项发现均已审阅，无新问题。`);
