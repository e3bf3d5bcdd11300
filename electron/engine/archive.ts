import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import type { MethodResults } from '../../shared/api';
import { HOST_METHODS, METHOD_LABELS } from '../../shared/api';
import type { MethodName, ParsedMethodArgs } from '../../shared/api-schemas';
import type { EngineStatus } from '../../shared/domain';
import type { EventMessage } from '../../shared/protocol';
import { validateCall } from '../../shared/protocol';
import { ENGINE_VERSION } from './engine-version';
import { ImportRunner } from './import/import-job';
import { listImportLog, markInterruptedJobs } from './import/import-log';
import { browse } from './records/browse';
import { commitmentHandlers } from './commitments/handlers';
import { exportHandlers } from './export/handlers';
import { listTags, setTagColor, tagLetters, untagLetters } from './records/tags';
import { deleteLetters, listLetters, reparseAll, updateCorrections } from './records/letter-queries';
import { letterDetail } from './records/letter-view';
import { SearchService } from './search/search-service';
import { openArchiveDatabase, type OpenedArchiveDatabase } from './store/database';

export interface ArchiveOptions {
  /** The archive folder: database, originals and index files. */
  dataDir: string;
  /** Pushes an event to whoever hosts the engine (worker → supervisor → UI). */
  emit?: (message: EventMessage) => void;
  /** The built extract-worker script, so imports read files on every core (see import/text-extractor). */
  extractWorker?: { path: string; execArgv?: string[] };
  /** Whether search loads (or builds) its ranked word index in the background; off for one-shot CLI runs. */
  searchWords?: boolean;
}

type Handler<M extends MethodName> = (
  args: ParsedMethodArgs<M>,
) => MethodResults[M] | Promise<MethodResults[M]>;
type Handlers = { [M in MethodName]?: Handler<M> };

/**
 * The archive engine's façade: answers ArchiveApi calls over the store. Every argument is validated
 * here with its zod schema, whatever transport brought it.
 */
export class Archive {
  private readonly opened: OpenedArchiveDatabase;
  private readonly startedAt = new Date().toISOString();
  private readonly handlers: Handlers;
  readonly imports: ImportRunner;
  readonly search: SearchService;

  private constructor(private readonly options: ArchiveOptions) {
    this.opened = openArchiveDatabase(options.dataDir);
    const db = this.opened.db;
    markInterruptedJobs(db, new Date().toISOString());
    const search = new SearchService({ db, dataDir: options.dataDir, words: options.searchWords });
    this.search = search;
    this.imports = new ImportRunner({
      db,
      archiveDir: options.dataDir,
      onProgress: (payload) => options.emit?.({ type: 'event', event: 'import-progress', payload }),
      extractWorker: options.extractWorker,
      onLettersChanged: (ids) => search.indexLetters(ids),
    });
    this.handlers = {
      status: () => this.status(),
      importPaths: ({ paths }) => this.imports.start(paths),
      cancelImport: ({ jobId }) => this.imports.cancel(jobId),
      listImports: ({ limit }) => listImportLog(db, limit),
      listLetters: (args) => listLetters(db, args),
      getLetter: ({ id }) => letterDetail(db, id),
      updateLetter: (args) => {
        updateCorrections(db, args);
        search.indexLetters([args.id]);
        return letterDetail(db, args.id);
      },
      deleteLetters: ({ ids }) => {
        const deleted = deleteLetters(db, options.dataDir, ids);
        search.removeLetters(ids);
        return { deleted };
      },
      reparseAll: () => {
        const reparsed = reparseAll(db);
        search.indexLetters(db.prepare('SELECT id FROM letters').pluck().all() as number[]);
        return { reparsed };
      },
      search: (args) => search.search(args),
      suggest: (args) => search.suggest(args),
      browse: ({ by }) => browse(db, by),
      listTags: () => listTags(db),
      tagLetters: ({ ids, tags }) => {
        const changed = tagLetters(db, ids, tags);
        search.indexLetters(ids);
        return { changed };
      },
      untagLetters: ({ ids, tags }) => {
        const changed = untagLetters(db, ids, tags);
        search.indexLetters(ids);
        return { changed };
      },
      setTagColor: ({ tag, color }) => setTagColor(db, tag, color),
      ...commitmentHandlers(db),
      // Restore into the open archive is not wired yet (it must close and reopen the database):
      // without `restore`, restoreArchive answers "not yet available"; the CLI restores into an empty folder.
      ...exportHandlers({
        db,
        dataDir: options.dataDir,
        emit: options.emit,
        resolveQuery: (query) =>
          search.search({ query, sort: 'relevance', offset: 0, limit: 100_000 }).hits.map((hit) => hit.id),
      }),
    };
  }

  /** Opens (creating if needed) the archive in `options.dataDir`. Throws ApiError in Chinese. */
  static open(options: ArchiveOptions): Archive {
    return new Archive(options);
  }

  get db(): Database {
    return this.opened.db;
  }

  /** Answers one call: validates, dispatches, or says clearly that the capability is not built yet. */
  async handle(method: unknown, args: unknown): Promise<unknown> {
    const parsed = validateCall(method, args);
    const name = method as MethodName;
    if (HOST_METHODS.has(name)) {
      throw new ApiError(
        'unknown_method',
        `「${METHOD_LABELS[name]}」由程序界面一方处理，不由归档引擎处理。`,
      );
    }
    const handler = this.handlers[name] as ((value: unknown) => unknown) | undefined;
    if (!handler) {
      throw new ApiError('not_available', `「${METHOD_LABELS[name]}」功能尚未提供，将在后续版本中加入。`);
    }
    return handler(parsed);
  }

  status(): EngineStatus {
    const row = this.opened.db.prepare('SELECT COUNT(*) AS count FROM letters').get() as { count: number };
    return {
      dataDir: this.options.dataDir,
      databaseFile: this.opened.file,
      schemaVersion: this.opened.schemaVersion,
      letterCount: row.count,
      engineVersion: ENGINE_VERSION,
      engineStartedAt: this.startedAt,
      pid: process.pid,
    };
  }

  close(): void {
    this.search.close();
    if (this.opened.db.open) this.opened.db.close();
  }
}
