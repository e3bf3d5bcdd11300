import type { Database } from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import type { ImportOutcome, ImportProgress } from '../../../shared/domain';
import { findSourceFiles } from '../ingest/source-files';
import { IngestError, type SourceFile } from '../ingest/types';
import { parseLetter } from '../letter/parse-letter';
import { findLetterIdBySha, insertLetter } from '../records/letter-store';
import { sha256Of } from '../store/originals';
import { recordFile, recordJobEnd, recordJobStart } from './import-log';
import { ProgressCounter } from './import-progress';
import { OriginalWriter } from './original-writer';
import { inProcessExtractor, WorkerPoolExtractor, type TextExtractor } from './text-extractor';
import { newJobId, SingleJob } from '../jobs/single-job';

export interface ImportEnvironment {
  db: Database;
  archiveDir: string;
  onProgress: (progress: ImportProgress) => void;
  /** How often progress events are pushed while files are processed. */
  progressIntervalMs?: number;
  /** The built extract-worker script; without it, files are read in the engine's own thread. */
  extractWorker?: { path: string; execArgv?: string[] };
  /**
   * Called with the letters a job stored, once the job ends (done, cancelled or failed): indexing
   * them meanwhile would compete with the import for the engine's thread. Until then search finds
   * them through its slower path over letters not yet indexed.
   */
  onLettersChanged?: (ids: number[]) => void;
}

/** Below this many files, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 8;

/** A reply letter has at least a title's worth of Chinese; anything with less is not one. */
const MIN_HAN_CHARACTERS = 10;

/** Whether the text holds at least `minimum` Chinese characters (stops counting there). */
function hasHanCharacters(text: string, minimum: number): boolean {
  const han = /\p{Script=Han}/gu;
  let count = 0;
  while (han.exec(text) !== null) {
    count += 1;
    if (count >= minimum) return true;
  }
  return false;
}

/** What one import job reads and stores files with. */
interface JobReaders {
  extractor: TextExtractor;
  originals: OriginalWriter;
}

interface FileResult {
  outcome: ImportOutcome;
  letterId: number | null;
  reason: string | null;
}

/**
 * Runs imports in the engine process, one at a time: walks the chosen paths, reads each file, and
 * stores each new letter in its own transaction (original first, atomically), so that a cancel or a
 * crash leaves every stored letter whole and a second run brings in only the rest.
 */
export class ImportRunner {
  private readonly job = new SingleJob('已有导入正在进行，请等它完成或取消后再导入。');

  constructor(private readonly env: ImportEnvironment) {}

  start(paths: string[]): { jobId: string } {
    this.job.assertIdle();
    const jobId = newJobId();
    recordJobStart(this.env.db, jobId, paths, new Date().toISOString());
    return this.job.start(jobId, (signal) => this.run(jobId, paths, signal));
  }

  cancel(jobId: string): { cancelled: boolean } {
    return this.job.cancel(jobId);
  }

  /** Whether an import runs now. */
  get busy(): boolean {
    return this.job.busy;
  }

  /** Resolves when no import is running (the CLI and tests wait on it). */
  whenIdle(): Promise<void> {
    return this.job.whenIdle();
  }

  private async run(jobId: string, paths: string[], signal: AbortSignal): Promise<void> {
    const counter = new ProgressCounter(jobId);
    const interval = this.env.progressIntervalMs ?? 100;
    let lastPush = 0;
    const push = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastPush < interval) return;
      lastPush = now;
      this.env.onProgress(counter.snapshot(false, false));
    };
    let seq = 0;
    const record = (file: string, result: FileResult): void => {
      recordFile(this.env.db, jobId, seq++, file, result.outcome, result.letterId, result.reason);
    };

    const sources: SourceFile[] = [];
    for await (const found of findSourceFiles(paths, { signal })) {
      counter.found += 1;
      if ('read' in found) {
        sources.push(found);
      } else {
        counter.done += 1;
        counter.failed += 1;
        record(found.displayPath, { outcome: 'failed', letterId: null, reason: found.reason });
      }
      push();
    }

    counter.beginProcessing();
    const extractor = this.extractorFor(sources.length);
    const readers: JobReaders = { extractor, originals: new OriginalWriter(this.env.archiveDir) };
    const inFlight = new Set<Promise<void>>();
    const stored: number[] = [];
    try {
      let first = true;
      for (const source of sources) {
        if (signal.aborted) break;
        counter.currentFile = source.displayPath;
        // The first file is always announced, so even a batch read faster than one interval shows what it reads.
        push(first);
        first = false;
        const task = this.importOne(source, jobId, seq++, readers).then((result) => {
          counter.done += 1;
          if (result.outcome === 'imported' && result.letterId !== null) stored.push(result.letterId);
          if (result.outcome === 'imported') counter.imported += 1;
          else if (result.outcome === 'duplicate') counter.duplicates += 1;
          else counter.failed += 1;
          push();
        });
        inFlight.add(task);
        void task.finally(() => inFlight.delete(task));
        // A few files queued per reader keep every reader busy.
        if (inFlight.size >= extractor.parallelism * 4) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await extractor.close();
      if (stored.length > 0) this.env.onLettersChanged?.(stored);
    }

    const cancelled = signal.aborted;
    recordJobEnd(this.env.db, jobId, cancelled ? 'cancelled' : 'finished', new Date().toISOString());
    this.env.onProgress(counter.snapshot(true, cancelled));
  }

  private extractorFor(fileCount: number): TextExtractor {
    const worker = this.env.extractWorker;
    if (!worker || fileCount < POOL_THRESHOLD) return inProcessExtractor();
    try {
      const size = Math.max(1, Math.min(4, availableParallelism()));
      return new WorkerPoolExtractor(worker.path, size, worker.execArgv);
    } catch {
      return inProcessExtractor();
    }
  }

  /** One file: read, deduplicate, extract, parse, store. Never throws: every failure becomes a reason. */
  private async importOne(
    source: SourceFile,
    jobId: string,
    seq: number,
    { extractor, originals }: JobReaders,
  ): Promise<FileResult> {
    const { db } = this.env;
    const duplicateOf = (letterId: number): FileResult => {
      const reason = `与已导入的回函（编号 ${letterId}）内容完全相同`;
      recordFile(db, jobId, seq, source.displayPath, 'duplicate', letterId, reason);
      return { outcome: 'duplicate', letterId, reason };
    };
    const fail = (reason: string): FileResult => {
      const result: FileResult = { outcome: 'failed', letterId: null, reason };
      recordFile(db, jobId, seq, source.displayPath, result.outcome, null, reason);
      return result;
    };
    try {
      const bytes = await source.read();
      const sha256 = sha256Of(bytes);
      const existing = findLetterIdBySha(db, sha256);
      if (existing !== null) return duplicateOf(existing);
      const extracted = await extractor.extract(source.name, bytes);
      if (!hasHanCharacters(extracted.text, MIN_HAN_CHARACTERS)) {
        return fail('文件中几乎没有中文文字，不像是一份答复函，未导入。');
      }
      const parsed = parseLetter(extracted.text);
      // The original is on disk, whole and flushed, before the letter row that refers to it is committed.
      await originals.save(sha256, bytes);
      const stored = db.transaction((): FileResult => {
        // The same content may have been stored meanwhile by another file of this batch.
        const twin = findLetterIdBySha(db, sha256);
        if (twin !== null) return duplicateOf(twin);
        const id = insertLetter(db, {
          sha256,
          fileName: source.name,
          sourcePath: source.displayPath,
          byteSize: bytes.length,
          format: extracted.format,
          encoding: extracted.encoding ?? null,
          text: extracted.text,
          parsed,
          importedAt: new Date().toISOString(),
        });
        recordFile(db, jobId, seq, source.displayPath, 'imported', id, null);
        return { outcome: 'imported', letterId: id, reason: null };
      })();
      return stored;
    } catch (error) {
      if (error instanceof IngestError) return fail(error.reason);
      const detail = error instanceof Error ? error.message : String(error);
      return fail(`读取或保存时出错：${detail}`);
    }
  }
}
