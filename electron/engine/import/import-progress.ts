import type { ImportProgress } from '../../../shared/domain';

/** Counts for one import job and its estimated time left, from the pace so far. */
export class ProgressCounter {
  found = 0;
  done = 0;
  imported = 0;
  duplicates = 0;
  failed = 0;
  currentFile: string | null = null;
  private processingStartedAt: number | null = null;

  constructor(
    readonly jobId: string,
    private readonly clock: () => number = Date.now,
  ) {}

  beginProcessing(): void {
    this.processingStartedAt = this.clock();
  }

  etaSeconds(): number | null {
    if (this.processingStartedAt === null || this.done === 0) return null;
    const perFile = (this.clock() - this.processingStartedAt) / this.done;
    return Math.max(0, Math.round((perFile * (this.found - this.done)) / 1000));
  }

  snapshot(finished: boolean, cancelled: boolean): ImportProgress {
    return {
      jobId: this.jobId,
      found: this.found,
      done: this.done,
      imported: this.imported,
      duplicates: this.duplicates,
      failed: this.failed,
      currentFile: finished ? null : this.currentFile,
      etaSeconds: finished ? 0 : this.etaSeconds(),
      finished,
      cancelled,
    };
  }
}
