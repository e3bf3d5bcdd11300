import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api-error';

/** A job id that sorts by start time: `<prefix>20261127073500-a1b2c3`. */
export function newJobId(prefix = ''): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:.TZ]/gu, '')
    .slice(0, 14);
  return `${prefix}${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * One long job at a time (an import, an export): start refuses while one runs, cancel aborts it by
 * id, whenIdle waits for it. `busyMessage` is what the user reads when a second job is asked for.
 */
export class SingleJob {
  private running: { jobId: string; controller: AbortController; done: Promise<void> } | null = null;

  constructor(private readonly busyMessage: string) {}

  /** Whether a job runs now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Throws the Chinese "busy" error while a job runs. */
  assertIdle(): void {
    if (this.running) throw new ApiError('invalid_arguments', this.busyMessage);
  }

  /** Runs `work` as the current job; the slot frees itself when it settles. */
  start(jobId: string, work: (signal: AbortSignal) => Promise<void>): { jobId: string } {
    this.assertIdle();
    const controller = new AbortController();
    const done = work(controller.signal).finally(() => {
      this.running = null;
    });
    this.running = { jobId, controller, done };
    return { jobId };
  }

  cancel(jobId: string): { cancelled: boolean } {
    if (!this.running || this.running.jobId !== jobId) return { cancelled: false };
    this.running.controller.abort();
    return { cancelled: true };
  }

  async whenIdle(): Promise<void> {
    await this.running?.done;
  }
}
