/** `npm run bench`: prints figures (medians); never asserts. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchEngineStart } from './engine-start-bench';
import { benchImport } from './import-bench';
import { benchParse } from './parse-bench';
import { benchSearch } from './search-bench';
import { benchSettings } from './settings-bench';
import { benchUi } from './ui-bench';
import { benchTopics } from './topics-bench';

const ROOT = join(import.meta.dirname, '..');
const corpus = join(ROOT, '..', 'shared', 'corpus', 'letters');
const worker = join(ROOT, 'out', 'engine', 'worker.js');

const lines = [
  `# 回函档案 基准测试（Node ${process.version}，${new Date().toISOString()}）`,
  ...benchParse(corpus),
];
if (existsSync(worker)) lines.push(...(await benchEngineStart(worker)));
else lines.push('跳过引擎启动测量：未找到 out/engine/worker.js，请先运行 npm run build');
lines.push(...(await benchImport()));
lines.push(...(await benchSearch()));
lines.push(...(await benchUi()));
lines.push(...benchTopics());
lines.push(...(await benchSettings()));
console.log(lines.join('\n'));
