import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import type { MethodResults } from '../../shared/api';
import { HOST_METHODS, METHOD_LABELS } from '../../shared/api';
import type { MethodName, ParsedMethodArgs } from '../../shared/api-schemas';
import type { EngineStatus } from '../../shared/domain';
import type { EventMessage } from '../../shared/protocol';
import { validateCall } from '../../shared/protocol';
import { restoreIntoOpenArchive } from './archive-restore';
import { ENGINE_VERSION } from './engine-version';
import { ImportRunner } from './import/import-job';
import { listImportLog, markInterruptedJobs } from './import/import-log';
import { browse } from './records/browse';
import { commitmentHandlers } from './commitments/handlers';
import { exportHandlers } from './export/handlers';
import { listTags, setTagColor, tagLetters, untagLetters } from './records/tags';
import {
  deleteLetters,
  listLetterIds,
  listLetters,
  reparseAll,
  updateCorrections,
} from './records/letter-queries';
import { originalFile } from './records/original-file';
import { letterDetail } from './records/letter-view';
import { SearchService } from './search/search-service';
import { readAppliedSettings, type EngineSettings } from './settings/applied-settings';
import { settingsHandlers } from './settings/settings-handlers';
import { openArchiveDatabase, type OpenedArchiveDatabase } from './store/database';
import {
  assignTopic,
  ensureKeywords,
  onTopicsChanged,
  setTopicRules,
  TopicBackground,
  topicNames,
} from './topics';

export interface ArchiveOptions {
  /** The archive folder: database, originals and index files. */
  dataDir: string;
  /** Pushes an event to whoever hosts the engine (worker → supervisor → UI). */
  emit?: (message: EventMessage) => void;
  /** The built extract-worker script, so imports read files on every core (see import/text-extractor). */
  extractWorker?: { path: string; execArgv?: string[] };
  /** Whether search loads (or builds) its ranked word index in the background; off for one-shot CLI runs. */
  searchWords?: boolean;
  /** The host's settings when it has them at open (the CLI); else those applied last are used. */
  settings?: EngineSettings;
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
  /** Once a backup is restored through the API, the archive reopened on it answers in this one's place. */
  private reopened: Archive | null = null;
  private restoring = false;
  readonly imports: ImportRunner;
  readonly search: SearchService;
  readonly topics: TopicBackground;

  private constructor(private readonly options: ArchiveOptions) {
    this.opened = openArchiveDatabase(options.dataDir);
    const db = this.opened.db;
    markInterruptedJobs(db, new Date().toISOString());
    const settings = options.settings ?? readAppliedSettings(options.dataDir);
    const search = new SearchService({
      db,
      dataDir: options.dataDir,
      words: options.searchWords,
      customTerms: settings.customDictionary,
    });
    this.search = search;
    const topics = new TopicBackground(db);
    this.topics = topics;
    onTopicsChanged(db, (ids) => search.indexLetters(ids));
    this.imports = new ImportRunner({
      db,
      archiveDir: options.dataDir,
      onProgress: (payload) => options.emit?.({ type: 'event', event: 'import-progress', payload }),
      extractWorker: options.extractWorker,
      onLettersChanged: (ids) => {
        search.indexLetters(ids);
        topics.wake();
      },
    });
    this.handlers = {
      status: () => this.status(),
      importPaths: ({ paths }) => this.imports.start(paths),
      cancelImport: ({ jobId }) => this.imports.cancel(jobId),
      listImports: ({ limit }) => listImportLog(db, limit),
      listLetters: (args) => listLetters(db, args),
      getLetter: ({ id }) => {
        ensureKeywords(db, id);
        return letterDetail(db, id);
      },
      setLetterTopic: ({ id, topic }) => {
        assignTopic(db, id, topic);
        search.indexLetters([id]);
        return letterDetail(db, id);
      },
      listTopics: () => topicNames(db),
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
      resultIds: (args) => ({
        ids:
          'query' in args ? search.resultIds(args.query, args.sort) : listLetterIds(db, args.node, args.sort),
      }),
      originalFile: ({ id }) => originalFile(db, options.dataDir, id),
      ...commitmentHandlers(db),
      ...settingsHandlers({ db, dataDir: options.dataDir, search, applyTopicRules: setTopicRules }),
      ...exportHandlers({
        restore: (source) => this.restoreFromBackup(source),
        settings: () => readAppliedSettings(options.dataDir),
        db,
        dataDir: options.dataDir,
        emit: options.emit,
        resolveQuery: (query) => search.resultIds(query, 'relevance'),
      }),
    };
    // Letters never classified (an archive from before topics) or classified with older rules.
    topics.start();
  }

  /** Opens (creating if needed) the archive in `options.dataDir`. Throws ApiError in Chinese. */
  static open(options: ArchiveOptions): Archive {
    const archive = new Archive(options);
    // The CLI reads the host's settings itself: apply them as a host would after starting the engine.
    if (options.settings) archive.handlers.applySettings?.(options.settings);
    return archive;
  }

  get db(): Database {
    if (this.reopened) return this.reopened.db;
    return this.opened.db;
  }

  /** Answers one call: validates, dispatches, or says clearly that the capability is not built yet. */
  async handle(method: unknown, args: unknown): Promise<unknown> {
    if (this.reopened) return this.reopened.handle(method, args);
    if (this.restoring) throw new ApiError('engine_unavailable', '正在恢复备份，请稍候再试。');
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
    if (this.reopened) return this.reopened.status();
    const row = this.opened.db.prepare('SELECT COUNT(*) AS count FROM letters').get() as { count: number };
    return {
      dataDir: this.options.dataDir,
      databaseFile: this.opened.file,
      schemaVersion: this.opened.schemaVersion,
      letterCount: row.count,
      engineVersion: ENGINE_VERSION,
      engineStartedAt: this.startedAt,
      pid: process.pid,
      searchBacklog: this.search.backlog,
    };
  }

  /**
   * Restores a backup into this (letterless) archive's folder: closes it, restores, and reopens; from
   * then on the reopened archive answers every call (imports, search and topics above stay closed).
   */
  private async restoreFromBackup(source: string): Promise<MethodResults['restoreArchive']> {
    this.restoring = true;
    try {
      return await restoreIntoOpenArchive({
        source,
        dataDir: this.options.dataDir,
        busy: this.imports.busy,
        close: () => this.close(),
        reopen: () => Archive.open(this.options),
        adopt: (archive) => {
          this.reopened = archive;
        },
      });
    } finally {
      this.restoring = false;
    }
  }

  close(): void {
    if (this.reopened) {
      this.reopened.close();
      return;
    }
    this.topics.stop();
    this.search.close();
    if (this.opened.db.open) this.opened.db.close();
  }
}
