import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Archive } from '../electron/engine/archive';
import { makeDocx, makePdf } from '../electron/engine/ingest/test-fixtures';
import { generateLetter } from './letter-generator';
import { median } from './stats';

type Format = 'txt' | 'docx' | 'pdf';

async function writeLetters(folder: string, format: Format, count: number, seed: number): Promise<number> {
  mkdirSync(folder, { recursive: true });
  let characters = 0;
  for (let index = 0; index < count; index += 1) {
    const letter = generateLetter(seed, index);
    characters += letter.text.length;
    const name = join(folder, `${String(index).padStart(5, '0')}.${format}`);
    if (format === 'txt') writeFileSync(name, letter.text);
    else if (format === 'docx') writeFileSync(name, await makeDocx(letter.paragraphs));
    else writeFileSync(name, await makePdf(letter.paragraphs));
  }
  return characters / count;
}

/** The built extract worker (npm run bench builds first), as the app and the CLI use it. */
const EXTRACT_WORKER = join(import.meta.dirname, '..', 'out', 'engine', 'extract-worker.js');

interface ImportRun {
  seconds: number;
  imported: number;
  /** CPU time of the whole process (engine thread, extract workers, I/O threads) per letter. */
  cpuMsPerLetter: number;
}

async function importOnce(folder: string): Promise<ImportRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huihan-bench-archive-'));
  const archive = Archive.open({
    dataDir,
    extractWorker: existsSync(EXTRACT_WORKER) ? { path: EXTRACT_WORKER } : undefined,
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await archive.handle('importPaths', { paths: [folder] });
  await archive.imports.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const status = archive.status();
  archive.close();
  rmSync(dataDir, { recursive: true, force: true });
  const cpuMsPerLetter = (cpu.user + cpu.system) / 1000 / Math.max(1, status.letterCount);
  return { seconds, imported: status.letterCount, cpuMsPerLetter };
}

/**
 * Import throughput per format (letters per second, reading + parsing + storing, originals included),
 * each format imported into a fresh archive three times; the median run is reported. The archive is
 * opened as the app opens it (search included). CPU time per letter (all threads) is printed too: on
 * a machine busy with other work it says more than the rate, which then depends on the share of the
 * cores the import gets (the load average is printed for that reason).
 */
export async function benchImport(
  counts: Record<Format, number> = { txt: 500, docx: 500, pdf: 150 },
): Promise<string[]> {
  const lines = [
    `## 导入吞吐量（读取 + 解析 + 入库，含原件保存；3 次取中位数；${existsSync(EXTRACT_WORKER) ? '多线程读取' : '单线程读取：未找到 out/engine/extract-worker.js'}）`,
    `开始时系统负载（1 分钟平均）${loadavg()[0]?.toFixed(1)}，CPU 核数 ${availableParallelism()}`,
  ];
  const root = mkdtempSync(join(tmpdir(), 'huihan-bench-letters-'));
  try {
    for (const format of ['txt', 'docx', 'pdf'] as const) {
      const folder = join(root, format);
      const generationStarted = performance.now();
      const averageLength = await writeLetters(folder, format, counts[format], 42);
      const generated = ((performance.now() - generationStarted) / 1000).toFixed(1);
      const rates: number[] = [];
      const cpuTimes: number[] = [];
      let imported = 0;
      for (let run = 0; run < 3; run += 1) {
        const result = await importOnce(folder);
        imported = result.imported;
        rates.push(result.imported / result.seconds);
        cpuTimes.push(result.cpuMsPerLetter);
      }
      lines.push(
        `${format.padEnd(4)} ${counts[format]} 封（平均 ${Math.round(averageLength)} 字，生成用时 ${generated} 秒）：` +
          `中位数 ${median(rates).toFixed(0)} 封/秒（各次 ${rates.map((r) => r.toFixed(0)).join(' / ')}），导入 ${imported} 封，` +
          `CPU 时间中位数 ${median(cpuTimes).toFixed(1)} 毫秒/封`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return lines;
}
