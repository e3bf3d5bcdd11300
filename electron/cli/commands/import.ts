import type { ImportLogEntry, ImportProgress } from '../../../shared/domain';
import { progressLine } from '../progress-bar';
import { UsageError, type CliContext } from '../cli-context';

export const importHelp = `huihan import 路径... [--data 归档文件夹] [--json]
  导入回函：文件、文件夹（含子文件夹）或 .zip 压缩包；支持 .txt .docx .doc .wps .pdf .html .htm .mht。
  进度显示在标准错误输出；相同内容的文件只导入一次（记为重复）；单个文件出错不影响其他文件。
  --json  结束时在标准输出打印 {"imported": n, "duplicates": n, "failed": [{"file": …, "reason": …}]}`;

export async function runImport(context: CliContext, paths: string[]): Promise<number> {
  if (paths.length === 0) throw new UsageError('请给出要导入的文件或文件夹。');
  let last: ImportProgress | null = null;
  let lastDrawn = 0;
  const interactive = context.isTerminal;
  const archive = context.openArchive((progress) => {
    last = progress;
    const now = Date.now();
    if (interactive) {
      context.errRaw(`\r${progressLine(progress)}`);
    } else if (progress.finished || now - lastDrawn > 2000) {
      lastDrawn = now;
      context.err(progressLine(progress));
    }
  });
  const { jobId } = (await archive.handle('importPaths', { paths })) as { jobId: string };
  const stop = (): void => {
    archive.imports.cancel(jobId);
  };
  process.once('SIGINT', stop);
  await archive.imports.whenIdle();
  process.removeListener('SIGINT', stop);
  if (interactive) context.errRaw('\n');

  const [entry] = (await archive.handle('listImports', { limit: 1 })) as ImportLogEntry[];
  if (!entry) return 1;
  const failed = entry.files
    .filter((file) => file.outcome === 'failed')
    .map((file) => ({ file: file.file, reason: file.reason ?? '' }));
  if (context.json) {
    context.out(JSON.stringify({ imported: entry.imported, duplicates: entry.duplicates, failed }));
  } else {
    const cancelled = (last as ImportProgress | null)?.cancelled ? '（已取消，已完成的部分已保存）' : '';
    context.out(
      `导入完成${cancelled}：新导入 ${entry.imported} 封，重复 ${entry.duplicates} 个，失败 ${failed.length} 个。`,
    );
    for (const item of failed) context.out(`  失败：${item.file} —— ${item.reason}`);
  }
  return 0;
}
