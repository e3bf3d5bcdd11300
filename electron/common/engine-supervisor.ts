import { ApiError, toApiErrorData } from '../../shared/api-error';
import type { MethodName } from '../../shared/api-schemas';
import type { EngineState, EngineStateEvent } from '../../shared/domain';
import type { EventMessage, ToEngineMessage } from '../../shared/protocol';
import { readFromEngineMessage } from '../../shared/protocol';

/** A running engine process, whatever started it (Electron utilityProcess or child_process.fork). */
export interface EngineProcess {
  send(message: ToEngineMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnEngine = () => EngineProcess;

export interface SupervisorOptions {
  /** Engine events (import progress …) and the supervisor's own engine-state events. */
  onEvent: (message: EventMessage) => void;
  /** How many crashes within `crashWindowMs` are restarted before giving up. */
  maxRestarts?: number;
  crashWindowMs?: number;
  restartDelayMs?: number;
  log?: (line: string) => void;
  /** Called each time an engine process says it is ready (first start and every restart). */
  onReady?: () => void;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: ApiError) => void;
}

/**
 * Starts the engine process, correlates calls with responses, and restarts the engine when it dies:
 * pending calls then fail with a clear Chinese error, and an `engine-state` event tells the UI.
 */
export class EngineSupervisor {
  private process: EngineProcess | null = null;
  private readonly pending = new Map<number, PendingCall>();
  /** Requests made while the engine is being restarted; sent as soon as it is back. */
  private outbox: ToEngineMessage[] = [];
  private nextId = 1;
  private crashTimes: number[] = [];
  private restarts = 0;
  private stopping = false;
  /** Why the engine is stopped for a while (moving the archive), told to calls made meanwhile. */
  private pauseReason: string | null = null;
  private currentState: EngineState = 'starting';
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxRestarts: number;
  private readonly crashWindowMs: number;
  private readonly restartDelayMs: number;

  constructor(
    private readonly spawn: SpawnEngine,
    private readonly options: SupervisorOptions,
  ) {
    this.maxRestarts = options.maxRestarts ?? 5;
    this.crashWindowMs = options.crashWindowMs ?? 60_000;
    this.restartDelayMs = options.restartDelayMs ?? 300;
  }

  get state(): EngineState {
    return this.currentState;
  }

  start(): void {
    this.stopping = false;
    this.pauseReason = null;
    this.launch();
  }

  call(method: MethodName, args: unknown): Promise<unknown> {
    if (this.currentState === 'failed' || this.stopping) {
      return Promise.reject(
        new ApiError(
          'engine_unavailable',
          this.pauseReason ?? '归档引擎无法启动，请重新打开程序；如仍失败，请检查归档文件夹是否可写。',
        ),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'request', id, method, args });
    });
  }

  private send(message: ToEngineMessage): void {
    if (!this.process) {
      this.outbox.push(message);
      return;
    }
    try {
      this.process.send(message);
    } catch (error) {
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      call?.reject(new ApiError('engine_unavailable', `无法联系归档引擎：${toApiErrorData(error).message}`));
    }
  }

  /** Stops the engine for good (app quit): pending calls fail, nothing restarts. */
  stop(): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.failPending(
      new ApiError('engine_unavailable', this.pauseReason ?? '程序正在退出，归档引擎已停止。'),
    );
    this.process?.kill();
    this.process = null;
  }

  /**
   * Stops the engine and resolves once its process has exited (the archive is closed, its database
   * checkpointed), e.g. to move the archive folder; start() starts it again. Rejects after `timeoutMs`.
   */
  stopAndWait(timeoutMs = 20_000, reason = '归档引擎暂时停止（正在移动档案），请稍候再试。'): Promise<void> {
    this.pauseReason = reason;
    const engine = this.process;
    if (!engine) {
      this.stop();
      return Promise.resolve();
    }
    const exited = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ApiError('engine_unavailable', '归档引擎没有按时停止，请稍后再试。')),
        timeoutMs,
      );
      engine.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.stop();
    return exited;
  }

  private launch(): void {
    const engine = this.spawn();
    this.process = engine;
    engine.onMessage((raw) => this.handleMessage(engine, raw));
    engine.onExit((code) => this.handleExit(engine, code));
    const queued = this.outbox;
    this.outbox = [];
    for (const message of queued) this.send(message);
  }

  private handleMessage(engine: EngineProcess, raw: unknown): void {
    if (engine !== this.process) return;
    const message = readFromEngineMessage(raw);
    if (!message) {
      this.options.log?.('engine sent a malformed message; ignored');
      return;
    }
    if (message.type === 'ready') {
      const restarted = this.currentState === 'restarting';
      this.setState('ready', restarted ? '归档引擎已重新启动，可以继续工作。' : '归档引擎已就绪。');
      this.options.onReady?.();
      return;
    }
    if (message.type === 'event') {
      this.options.onEvent(message);
      return;
    }
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(ApiError.from(message.error));
  }

  private handleExit(engine: EngineProcess, code: number | null): void {
    if (engine !== this.process) return;
    this.process = null;
    if (this.stopping) return;
    const reason = code === null ? '被系统终止' : `退出代码 ${code}`;
    this.failPending(
      new ApiError(
        'engine_crashed',
        `归档引擎意外退出（${reason}），正在重新启动。刚才的操作没有完成，请重试。`,
      ),
    );
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < this.crashWindowMs), now];
    if (this.crashTimes.length > this.maxRestarts) {
      this.setState('failed', `归档引擎反复退出（${reason}），已停止重启。请重新打开程序。`);
      return;
    }
    this.restarts += 1;
    this.setState('restarting', `归档引擎意外退出（${reason}），正在重新启动……`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.launch();
    }, this.restartDelayMs * this.crashTimes.length);
  }

  private failPending(error: ApiError): void {
    this.outbox = [];
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(error);
  }

  private setState(state: EngineState, message: string): void {
    this.currentState = state;
    const payload: EngineStateEvent = { state, message, restarts: this.restarts };
    this.options.onEvent({ type: 'event', event: 'engine-state', payload });
  }
}
