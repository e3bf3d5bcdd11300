import { apiArgSchemas } from '../../../shared/api-schemas';
import type { ExportProgress, SearchResult } from '../../../shared/domain';
import { backupArchive } from '../../engine/export/backup';
import { ExportRunner } from '../../engine/export/export-runner';
import { restoreArchive } from '../../engine/export/restore';
import { UsageError, type CliContext } from '../cli-context';

/** The options these commands read (parseCliArgs must declare them). */
export interface ExportCliOptions {
  ids?: string;
  query?: string;
  format?: string;
  out?: string;
  title?: string;
  order?: string;
  overwrite?: boolean;
  from?: string;
}

const FORMATS = ['docx', 'xlsx', 'csv', 'json', 'originals', 'zip'] as const;
const ORDERS = ['session', 'date', 'selection'] as const;

export const exportHelp = `huihan export (--ids 1,2,3 | --query 查询) --format 格式 --out 路径 [--title 标题] [--order session|date|selection] [--overwrite] [--data 归档文件夹] [--json]
  导出所选回函（或搜索的全部结果）：
    docx       Word 汇编（封面、目录、每封回函的标题、信息与正文）
    xlsx       Excel 办理情况汇总表（另附承诺事项表）
    csv        汇总表 CSV（UTF-8，Excel 可直接打开）
    json       全部信息与正文（JSON，可用于交换）
    originals  原件，复制到 --out 指定的文件夹，按「案号_承办单位_文号」命名
    zip        原件打包为一个 .zip 文件
  --order      排序：session（届次、提案号，默认）、date（日期）、selection（按所给顺序）
  --overwrite  已有同名文件时覆盖（默认不覆盖）`;

export const backupHelp = `huihan backup --out 备份文件 [--data 归档文件夹] [--json]
  把整个归档（数据库、全部原件、用户词典）备份为一个文件（.huihan 或 .zip），不覆盖已有文件。`;

export const restoreHelp = `huihan restore --from 备份文件 --data 空文件夹 [--json]
  从备份恢复归档到一个空文件夹（或尚不存在的文件夹）；会先校验备份的完整性。`;

function progressText(progress: ExportProgress): string {
  return `已处理 ${progress.done}/${progress.total}`;
}

function parseIds(value: string): number[] {
  const ids = value
    .split(/[,，\s]+/u)
    .filter((part) => part !== '')
    .map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw new UsageError('--ids 应为以逗号分隔的回函编号，例如：--ids 1,2,3');
  }
  return ids;
}

export async function runExport(context: CliContext, options: ExportCliOptions): Promise<number> {
  if ((options.ids === undefined) === (options.query === undefined)) {
    throw new UsageError('请用 --ids 或 --query 二者之一指定要导出的回函。');
  }
  const format = options.format as (typeof FORMATS)[number] | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format 只能是 ${FORMATS.join('、')}。`);
  const order = (options.order ?? 'session') as (typeof ORDERS)[number];
  if (!ORDERS.includes(order)) throw new UsageError(`--order 只能是 ${ORDERS.join('、')}。`);
  if (!options.out?.trim()) throw new UsageError('请用 --out 给出导出到的文件（原件时为文件夹）。');
  const selection =
    options.ids !== undefined ? { ids: parseIds(options.ids) } : { query: options.query ?? '' };
  const args = apiArgSchemas.exportLetters.parse({
    selection,
    format,
    destination: options.out,
    title: options.title,
    order,
    overwrite: options.overwrite ?? false,
  });

  const archive = context.openArchive();
  let last: ExportProgress | null = null;
  let lastDrawn = 0;
  const runner = new ExportRunner({
    db: archive.db,
    dataDir: context.dataDir,
    resolveQuery: async (query) => {
      if (archive.search.rebuilding) archive.search.catchUp();
      const ids: number[] = [];
      for (let offset = 0; ; offset += 1000) {
        const result = (await archive.handle('search', {
          query,
          offset,
          limit: 1000,
        })) as SearchResult;
        ids.push(...result.hits.map((hit) => hit.id));
        if (result.hits.length === 0 || ids.length >= result.total) return ids;
      }
    },
    onProgress: (progress) => {
      last = progress;
      if (context.json) return;
      const now = Date.now();
      if (context.isTerminal) context.errRaw(`\r${progressText(progress)}`);
      else if (progress.finished || now - lastDrawn > 2000) {
        lastDrawn = now;
        context.err(progressText(progress));
      }
    },
  });
  const { jobId } = await runner.start(args);
  const stop = (): void => {
    runner.cancel(jobId);
  };
  process.once('SIGINT', stop);
  await runner.whenIdle();
  process.removeListener('SIGINT', stop);
  if (context.isTerminal && !context.json) context.errRaw('\n');
  const final = last as ExportProgress | null;
  if (!final || final.error !== null) {
    const message = final?.error ?? '导出失败。';
    context.err(context.json ? JSON.stringify({ error: message }) : `错误：${message}`);
    return 1;
  }
  if (final.cancelled) {
    context.err(context.json ? JSON.stringify({ cancelled: true }) : '导出已取消，未留下不完整的文件。');
    return 1;
  }
  context.out(
    context.json
      ? JSON.stringify({ exported: final.outputPath, letters: final.total, format })
      : `已导出 ${final.total} 封回函到 ${final.outputPath ?? ''}`,
  );
  return 0;
}

export async function runBackup(context: CliContext, options: ExportCliOptions): Promise<number> {
  if (!options.out?.trim()) throw new UsageError('请用 --out 给出备份文件，例如：--out 回函档案备份.huihan');
  const archive = context.openArchive();
  const result = await backupArchive(archive.db, context.dataDir, options.out);
  context.out(
    context.json
      ? JSON.stringify(result)
      : `已备份到 ${result.path}（${(result.bytes / 1024 / 1024).toFixed(1)} MB）`,
  );
  return 0;
}

export async function runRestore(context: CliContext, options: ExportCliOptions): Promise<number> {
  if (!options.from?.trim()) throw new UsageError('请用 --from 给出备份文件。');
  // The archive is deliberately not opened: the target folder must stay empty until restored.
  const result = await restoreArchive(options.from, context.dataDir);
  context.out(
    context.json
      ? JSON.stringify({ letterCount: result.letterCount, dataDir: context.dataDir })
      : `已恢复 ${result.letterCount} 封回函到 ${context.dataDir}`,
  );
  return 0;
}

type Run = (context: CliContext, positionals: string[], options: ExportCliOptions) => Promise<number>;

/** Entries for run-cli's COMMANDS. */
export const exportCommands: Record<
  'export' | 'backup' | 'restore',
  { summary: string; help: string; run: Run }
> = {
  export: {
    summary: '导出回函：Word 汇编、Excel 汇总表、CSV、JSON 或原件',
    help: exportHelp,
    run: (context, _positionals, options) => runExport(context, options),
  },
  backup: {
    summary: '把整个归档备份为一个文件',
    help: backupHelp,
    run: (context, _positionals, options) => runBackup(context, options),
  },
  restore: {
    summary: '从备份文件恢复归档到空文件夹',
    help: restoreHelp,
    run: (context, _positionals, options) => runRestore(context, options),
  },
};
