import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api-error';
import type { ParsedMethodArgs } from '../../../shared/api-schemas';
import type { ExportFormat, ExportProgress } from '../../../shared/domain';
import { loadExportLetter, orderedLetterIds, type ExportLetter } from './export-letters';
import {
  assertCanWrite,
  ensureExportFolder,
  ExportCancelled,
  resolveTargetFile,
  throwIfCancelled,
} from './safe-output';
import { writeSummaryCsv } from './write-csv';
import { writeLettersJson } from './write-json';
import {
  checkOriginalsFolder,
  copyOriginalsToFolder,
  planOriginals,
  writeOriginalsZip,
} from './write-originals';
import { newJobId, SingleJob } from '../jobs/single-job';

export type ExportArgs = ParsedMethodArgs<'exportLetters'>;

/** Turns a search query into the ids of every letter it finds, in result order. */
export type ResolveQuery = (query: string) => Promise<number[]> | number[];

export interface ExportEnvironment {
  db: Database;
  /** The archive folder (originals are read from it). */
  dataDir: string;
  onProgress: (progress: ExportProgress) => void;
  resolveQuery: ResolveQuery;
  progressIntervalMs?: number;
  now?: () => Date;
}

const EXTENSIONS: Record<Exclude<ExportFormat, 'originals'>, string> = {
  docx: '.docx',
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
  zip: '.zip',
};

/** Where the export goes, checked before the job starts (so the caller hears about it at once). */
interface PreparedExport {
  args: ExportArgs;
  ids: number[];
  /** The file written, or for `originals` the folder written into. */
  output: string;
}

/**
 * Runs exports one at a time in the engine: the selection is resolved and the destination checked
 * when the job starts (errors reach the caller then); letters are then read and the file written
 * atomically, with progress events, and a cancel leaves no half-written file.
 */
export class ExportRunner {
  private readonly job = new SingleJob('已有导出正在进行，请等它完成或取消后再导出。');

  constructor(private readonly env: ExportEnvironment) {}

  async start(args: ExportArgs): Promise<{ jobId: string }> {
    this.job.assertIdle();
    const prepared = await this.prepare(args);
    const jobId = newJobId('export-');
    return this.job.start(jobId, (signal) => this.run(jobId, prepared, signal));
  }

  cancel(jobId: string): { cancelled: boolean } {
    return this.job.cancel(jobId);
  }

  /** Resolves when no export is running (the CLI and tests wait on it). */
  whenIdle(): Promise<void> {
    return this.job.whenIdle();
  }

  private async prepare(args: ExportArgs): Promise<PreparedExport> {
    const selected =
      'ids' in args.selection ? args.selection.ids : await this.env.resolveQuery(args.selection.query);
    if (selected.length === 0) {
      throw new ApiError('invalid_arguments', '没有可导出的回函：搜索没有结果。');
    }
    const ids = orderedLetterIds(this.env.db, selected, args.order);
    if (args.format === 'originals') {
      const folder = ensureExportFolder(args.destination);
      checkOriginalsFolder(folder, planOriginals(this.env.db, this.env.dataDir, ids), args.overwrite);
      return { args, ids, output: folder };
    }
    const { target } = resolveTargetFile(args.destination, EXTENSIONS[args.format]);
    assertCanWrite(target, args.overwrite);
    return { args, ids, output: target };
  }

  private async run(jobId: string, prepared: PreparedExport, signal: AbortSignal): Promise<void> {
    const { args, ids, output } = prepared;
    const total = ids.length;
    const interval = this.env.progressIntervalMs ?? 100;
    let lastPush = 0;
    let done = 0;
    const push = (): void => {
      const now = Date.now();
      if (now - lastPush < interval) return;
      lastPush = now;
      this.env.onProgress({
        jobId,
        done,
        total,
        finished: false,
        cancelled: false,
        outputPath: null,
        error: null,
      });
    };
    const onProgress = (count: number): void => {
      done = count;
      push();
    };
    this.env.onProgress({
      jobId,
      done: 0,
      total,
      finished: false,
      cancelled: false,
      outputPath: null,
      error: null,
    });
    let error: string | null = null;
    let cancelled = false;
    try {
      await this.write(args, ids, output, signal, onProgress);
      done = total;
    } catch (caught) {
      if (caught instanceof ExportCancelled || signal.aborted) cancelled = true;
      else error = caught instanceof Error ? caught.message : String(caught);
    }
    this.env.onProgress({
      jobId,
      done,
      total,
      finished: true,
      cancelled,
      outputPath: cancelled || error !== null ? null : output,
      error: error === null ? null : `导出失败：${error}`,
    });
  }

  private async write(
    args: ExportArgs,
    ids: number[],
    output: string,
    signal: AbortSignal,
    onProgress: (done: number) => void,
  ): Promise<void> {
    const { db, dataDir } = this.env;
    const options = { overwrite: args.overwrite, signal, onProgress };
    if (args.format === 'originals' || args.format === 'zip') {
      const plan = planOriginals(db, dataDir, ids);
      if (args.format === 'originals') await copyOriginalsToFolder(plan, output, options);
      else await writeOriginalsZip(plan, output, options);
      return;
    }
    const letters: ExportLetter[] = [];
    for (const id of ids) {
      throwIfCancelled(signal);
      letters.push(loadExportLetter(db, id));
      onProgress(letters.length);
      // Lets a cancel (and other calls) in between letters.
      if (letters.length % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const now = this.env.now?.() ?? new Date();
    // Word and Excel writers load their libraries on first use, so the engine starts without them.
    switch (args.format) {
      case 'docx': {
        const { DEFAULT_COMPILATION_TITLE, writeCompilationDocx } = await import('./write-docx');
        const title = args.title?.trim() || DEFAULT_COMPILATION_TITLE;
        return writeCompilationDocx(letters, output, { title, now, overwrite: args.overwrite, signal });
      }
      case 'xlsx': {
        const { writeSummaryXlsx } = await import('./write-xlsx');
        return writeSummaryXlsx(letters, output, options);
      }
      case 'csv':
        return writeSummaryCsv(letters, output, options);
      case 'json':
        return writeLettersJson(letters, output, { now, overwrite: args.overwrite, signal });
    }
  }
}
