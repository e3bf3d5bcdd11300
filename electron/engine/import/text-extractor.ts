import { Worker } from 'node:worker_threads';
import { extractText } from '../ingest/extract-text';
import { IngestError, type ExtractedText } from '../ingest/types';
import type { ExtractReply, ExtractRequest } from './extract-messages';

/** Turns file bytes into letter text, in this thread or in worker threads. */
export interface TextExtractor {
  readonly parallelism: number;
  extract(name: string, bytes: Buffer): Promise<ExtractedText>;
  close(): Promise<void>;
}

export function inProcessExtractor(): TextExtractor {
  return { parallelism: 1, extract: extractText, close: async () => undefined };
}

interface PendingExtract {
  name: string;
  bytes: Buffer;
  resolve: (text: ExtractedText) => void;
  reject: (error: IngestError) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, PendingExtract>;
  /** Whether this worker has answered at least once (it started properly). */
  answered: boolean;
}

const WORKER_DIED = '读取该文件的程序意外退出（文件可能有异常结构），已跳过这个文件。';

/**
 * A small pool of extract workers. Each request goes to the least busy worker; a worker that dies
 * fails only its own files, with a clear reason, and is replaced.
 */
export class WorkerPoolExtractor implements TextExtractor {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when a worker dies before answering anything: workers cannot start here, so read in this thread. */
  private unusable = false;

  constructor(
    private readonly workerPath: string,
    readonly parallelism: number,
    private readonly execArgv: string[] = [],
  ) {
    for (let index = 0; index < parallelism; index += 1) this.slots.push(this.spawn());
  }

  extract(name: string, bytes: Buffer): Promise<ExtractedText> {
    if (this.unusable) return extractText(name, bytes);
    const slot = this.slots.reduce((best, candidate) =>
      candidate.pending.size < best.pending.size ? candidate : best,
    );
    const id = this.nextId++;
    const copy = new Uint8Array(bytes);
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { name, bytes, resolve, reject });
      slot.worker.postMessage({ id, name, bytes: copy } satisfies ExtractRequest, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerPath, { execArgv: this.execArgv });
    const slot: Slot = { worker, pending: new Map(), answered: false };
    worker.unref();
    worker.on('message', (reply: ExtractReply) => {
      const call = slot.pending.get(reply.id);
      if (!call) return;
      slot.answered = true;
      slot.pending.delete(reply.id);
      if (reply.ok) call.resolve(reply.result);
      else call.reject(new IngestError(reply.failure, reply.reason));
    });
    const fail = (): void => {
      const calls = [...slot.pending.values()];
      slot.pending.clear();
      if (!slot.answered && !this.closed) {
        // The worker never started (e.g. its script cannot be loaded in this build): read here instead.
        this.unusable = true;
        for (const call of calls) extractText(call.name, call.bytes).then(call.resolve, call.reject);
        return;
      }
      for (const call of calls) call.reject(new IngestError('unreadable', WORKER_DIED));
      if (this.closed || this.unusable) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return slot;
  }
}
