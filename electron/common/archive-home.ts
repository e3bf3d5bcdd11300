import { ApiError } from '../../shared/api-error';
import type { MethodResults } from '../../shared/api';
import type { MethodName, ParsedMethodArgs } from '../../shared/api-schemas';
import type { ArchiveLocation, ArchiveMoveResult } from '../../shared/archive-location';
import type { EngineStatus, ImportLogEntry, Settings } from '../../shared/domain';
import type { EventMessage } from '../../shared/protocol';
import { listArchiveFiles } from './archive-copy';
import { moveArchive } from './archive-move';
import type { SettingsStore } from './settings-file';

/** What the home needs from the engine supervisor. */
export interface HomeEngine {
  call(method: MethodName, args: unknown): Promise<unknown>;
  start(): void;
  stopAndWait(): Promise<void>;
}

export interface ArchiveHomeOptions {
  dataDir: string;
  /** The settings kept for an archive folder (settings.json beside or inside it). */
  openSettings: (dataDir: string) => SettingsStore;
  /** Records a moved archive's folder for the next start; returns what decides it then, in Chinese. */
  persistLocation: (dataDir: string) => string;
  /** What decides the folder at the next start, in Chinese. */
  nextStartNote: () => string;
  /** The system's folder dialog (the app); absent under the web host, where a path is typed. */
  chooseFolder?: (title: string) => Promise<string | null>;
  log?: (line: string) => void;
}

/**
 * The host's side of the archive folder and its settings, the same in the app and the web host:
 * answers getSettings / updateSettings / archiveLocation / chooseFolder / moveArchive, hands the
 * engine its settings after every start and every change, and moves the folder (archive-move.ts).
 * The engine process is started on `dataDir`, which changes when the archive moves.
 */
export class ArchiveHome {
  private currentDir: string;
  private store: SettingsStore;
  private moving = false;
  private engine: HomeEngine | null = null;
  private emit: (message: EventMessage) => void = () => undefined;

  constructor(private readonly options: ArchiveHomeOptions) {
    this.currentDir = options.dataDir;
    this.store = options.openSettings(options.dataDir);
  }

  get dataDir(): string {
    return this.currentDir;
  }

  get settings(): SettingsStore {
    return this.store;
  }

  /** Connects the supervisor (created after the home, since its spawner reads `dataDir`) and the UI's events. */
  attach(engine: HomeEngine, emit: (message: EventMessage) => void): void {
    this.engine = engine;
    this.emit = emit;
  }

  /** The engine said it is ready (first start or restart): give it the settings it works with. */
  engineReady(): void {
    this.applyToEngine().catch((error: unknown) =>
      this.options.log?.(`settings: applying to the engine failed: ${String(error)}`),
    );
  }

  private async applyToEngine(): Promise<void> {
    if (!this.engine) return;
    const { customDictionary, topicRules } = this.store.get();
    await this.engine.call('applySettings', { customDictionary, topicRules });
  }

  /** Answers one of the host's methods, or returns undefined when it is not one of the home's. */
  async answer(method: MethodName, args: unknown): Promise<unknown> {
    switch (method) {
      case 'getSettings':
        return this.store.get();
      case 'updateSettings':
        return this.updateSettings(args as ParsedMethodArgs<'updateSettings'>);
      case 'archiveLocation':
        return this.location();
      case 'chooseFolder':
        return this.chooseFolder(args as ParsedMethodArgs<'chooseFolder'>);
      case 'moveArchive':
        return this.move(args as ParsedMethodArgs<'moveArchive'>);
      default:
        return undefined;
    }
  }

  static readonly METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
    'getSettings',
    'updateSettings',
    'archiveLocation',
    'chooseFolder',
    'moveArchive',
  ]);

  private async updateSettings(patch: ParsedMethodArgs<'updateSettings'>): Promise<Settings> {
    const next = this.store.update(patch);
    if (patch.customDictionary !== undefined || patch.topicRules !== undefined) {
      // Saved either way: an engine that is restarting gets them when it says it is ready.
      await this.applyToEngine().catch((error: unknown) =>
        this.options.log?.(`settings: applying to the engine failed: ${String(error)}`),
      );
    }
    return next;
  }

  private async location(): Promise<ArchiveLocation> {
    const files = await listArchiveFiles(this.currentDir).catch(() => []);
    return {
      dataDir: this.currentDir,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.size, 0),
      canChooseFolder: this.options.chooseFolder !== undefined,
      nextStartNote: this.options.nextStartNote(),
      moving: this.moving,
    };
  }

  private async chooseFolder(args: ParsedMethodArgs<'chooseFolder'>): Promise<MethodResults['chooseFolder']> {
    if (!this.options.chooseFolder) {
      throw new ApiError('not_available', '此处没有文件夹对话框，请直接填写文件夹的完整路径。');
    }
    return { path: await this.options.chooseFolder(args.title ?? '选择文件夹') };
  }

  private async move(args: ParsedMethodArgs<'moveArchive'>): Promise<ArchiveMoveResult> {
    const engine = this.engine;
    if (!engine) throw new ApiError('engine_unavailable', '归档引擎尚未启动。');
    if (this.moving) throw new ApiError('invalid_arguments', '档案正在移动中，请等待完成。');
    this.moving = true;
    const settings = this.store.get();
    try {
      const result = await moveArchive({
        from: this.currentDir,
        to: args.target,
        keepPrevious: args.keepPrevious,
        engine: {
          letterCount: async () => {
            const imports = (await engine.call('listImports', { limit: 5 })) as ImportLogEntry[];
            if (imports.some((entry) => entry.state === 'running')) {
              throw new ApiError(
                'invalid_arguments',
                '正在导入回函：请等导入完成（或取消导入）后再移动档案。',
              );
            }
            return ((await engine.call('status', {})) as EngineStatus).letterCount;
          },
          stop: () => engine.stopAndWait(),
          startAt: async (dataDir) => {
            this.currentDir = dataDir;
            engine.start();
            const status = (await engine.call('status', {})) as EngineStatus;
            return { dataDir: status.dataDir, letterCount: status.letterCount };
          },
        },
        persist: (dataDir) => {
          // The settings follow the archive: settings.json may live beside the old folder (userData).
          const note = this.options.persistLocation(dataDir);
          this.store = this.options.openSettings(dataDir);
          this.store.update(settings);
          return note;
        },
        onProgress: (payload) => this.emit({ type: 'event', event: 'archive-move-progress', payload }),
        log: this.options.log,
      });
      return result;
    } finally {
      this.moving = false;
    }
  }
}
