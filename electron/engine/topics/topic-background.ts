import type { Database } from 'better-sqlite3';
import { keywordsReady } from './keywords';
import { fillKeywords, lettersWithoutKeywords } from './letter-keywords';
import { notifyTopicsChanged } from './topic-events';
import { classifyLetters, staleLetterIds } from './topic-store';

/** Letters classified per step: a few milliseconds each, so a step stays short. */
const CLASSIFY_CHUNK = 100;
/** Letters whose keywords are extracted per step. */
const KEYWORD_CHUNK = 10;
/** How long to wait for search to load jieba before looking again. */
const JIEBA_WAIT_MS = 2000;

/**
 * Background work on open, in small steps that leave the engine free to answer between them:
 * classify the letters never classified (or classified with other rules), then extract the
 * keywords of the letters that have none, once jieba is loaded.
 */
const running = new WeakMap<Database, TopicBackground>();

/** The background runner working on this database, if any (the engine has one; the CLI's may be stopped). */
export function backgroundOf(db: Database): TopicBackground | null {
  return running.get(db) ?? null;
}

export class TopicBackground {
  private immediate: NodeJS.Immediate | null = null;
  private timeout: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly db: Database) {
    running.set(db, this);
  }

  start(): void {
    this.schedule();
  }

  /** New work came (rules changed, letters imported): make sure a step is coming soon. */
  wake(): void {
    if (this.stopped || this.immediate !== null) return;
    this.cancel();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
    if (running.get(this.db) === this) running.delete(this.db);
  }

  private cancel(): void {
    if (this.immediate !== null) clearImmediate(this.immediate);
    if (this.timeout !== null) clearTimeout(this.timeout);
    this.immediate = null;
    this.timeout = null;
  }

  private schedule(delayMs = 0): void {
    this.cancel();
    if (this.stopped) return;
    if (delayMs > 0) {
      // Waiting for jieba must not keep a one-shot process (the CLI) alive.
      this.timeout = setTimeout(() => {
        this.timeout = null;
        this.step();
      }, delayMs);
      this.timeout.unref();
    } else {
      this.immediate = setImmediate(() => {
        this.immediate = null;
        this.step();
      });
    }
  }

  /** One step; returns whether it did some work (false: nothing to do, or waiting for jieba). */
  step(): boolean {
    if (this.stopped || !this.db.open) return false;
    const stale = staleLetterIds(this.db, CLASSIFY_CHUNK);
    if (stale.length > 0) {
      const changed = this.db.transaction(() => classifyLetters(this.db, stale))();
      notifyTopicsChanged(this.db, changed);
      this.schedule();
      return true;
    }
    const missing = lettersWithoutKeywords(this.db, KEYWORD_CHUNK);
    if (missing.length === 0) return false;
    if (!keywordsReady()) {
      this.schedule(JIEBA_WAIT_MS);
      return false;
    }
    this.db.transaction(() => fillKeywords(this.db, missing))();
    this.schedule();
    return true;
  }
}
