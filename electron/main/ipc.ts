import type { IpcMain, WebContents } from 'electron';
import { HOST_METHODS } from '../../shared/api';
import { ApiError, toApiErrorData, type ApiErrorData } from '../../shared/api-error';
import type { MethodName, ParsedMethodArgs } from '../../shared/api-schemas';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/channels';
import { validateCall, type EventMessage } from '../../shared/protocol';
import { isAppUrl } from './app-url';
import type { Log } from './log';
import { ORIGINAL_METHODS, answerOriginalMethod, type OriginalFilesDeps } from './original-files';
import type { SettingsStore } from './settings-store';
import { ArchiveHome } from '../common/archive-home';
import type { ExportDestination } from '../../shared/domain';

/**
 * What an IPC call resolves to. Errors travel as data, never as a thrown Error: Electron would turn a
 * thrown error into a generic English message and drop its code.
 */
export type IpcResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

/** What the IPC event channel carries, for engine events and the host's own (menu commands). */
export interface IpcEventEnvelope {
  event: string;
  payload: unknown;
}

export interface IpcDeps {
  settings: SettingsStore;
  engine: { call(method: MethodName, args: unknown): Promise<unknown> };
  log: Log;
  /** The archive folder and settings (settings screen, moving the archive); answers the settings methods. */
  home?: ArchiveHome;
  /** The system's save / folder dialog for exports (export-dialogs.ts). */
  chooseExportDestination?: (
    args: ParsedMethodArgs<'chooseExportDestination'>,
  ) => Promise<ExportDestination | null>;
  /** Opening originals and showing them in their folder (original-files.ts). */
  originals?: Omit<OriginalFilesDeps, 'engine'>;
}

/** Only frames showing the app's own pages may call the archive. */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  return frame != null && typeof frame.url === 'string' && isAppUrl(frame.url);
}

async function answerHost(deps: IpcDeps, method: MethodName, args: unknown): Promise<unknown> {
  const { settings } = deps;
  if (deps.home && ArchiveHome.METHODS.has(method)) return deps.home.answer(method, args);
  if (method === 'chooseExportDestination' && deps.chooseExportDestination)
    return deps.chooseExportDestination(args as ParsedMethodArgs<'chooseExportDestination'>);
  if (ORIGINAL_METHODS.has(method) && deps.originals)
    return answerOriginalMethod({ ...deps.originals, engine: deps.engine }, method, args);
  if (method === 'getSettings') return settings.get();
  if (method === 'updateSettings') return settings.update(args as ParsedMethodArgs<'updateSettings'>);
  throw new ApiError('unknown_method', `未知的操作：${method}`);
}

/** One call from the renderer: sender check, argument validation, then host or engine. */
export async function handleCall(
  deps: IpcDeps,
  frame: { url: string } | null | undefined,
  method: unknown,
  args: unknown,
): Promise<IpcResult> {
  if (!isTrustedSender(frame)) {
    deps.log(
      `ipc: refused ${String(method).slice(0, 60)} from ${frame ? frame.url.slice(0, 200) : 'a closed frame'}`,
    );
    return { ok: false, error: { code: 'forbidden', message: '拒绝访问：请求不是来自回函档案自身的页面。' } };
  }
  try {
    const parsed = validateCall(method, args);
    const name = method as MethodName;
    const result = HOST_METHODS.has(name)
      ? await answerHost(deps, name, parsed)
      : await deps.engine.call(name, parsed);
    return { ok: true, result };
  } catch (error) {
    const data = toApiErrorData(error);
    if (data.code === 'internal') deps.log(`ipc: ${String(method)} failed: ${data.message}`);
    return { ok: false, error: data };
  }
}

/** Registers the call channel; returns a function that removes it. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, args: unknown) =>
    handleCall(deps, event.senderFrame, method, args),
  );
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Sends an event to every open window's page. */
export function broadcast(targets: readonly WebContents[], envelope: IpcEventEnvelope): void {
  for (const contents of targets) {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, envelope);
  }
}

/** Turns a supervisor event into the envelope the preload dispatches. */
export function envelopeOf(message: EventMessage): IpcEventEnvelope {
  return { event: message.event, payload: message.payload };
}
