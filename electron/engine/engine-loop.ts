import { ApiError, toApiErrorData } from '../../shared/api-error';
import type { FromEngineMessage } from '../../shared/protocol';
import { readRequestMessage } from '../../shared/protocol';
import { Archive, type ArchiveOptions } from './archive';

/** Where the engine's messages come from and go to: Electron's parentPort or Node's IPC channel. */
export interface EngineChannel {
  onMessage(listener: (message: unknown) => void): void;
  post(message: FromEngineMessage): void;
}

/**
 * The engine's message loop: opens the archive, then answers each request with exactly one response.
 * If the archive cannot be opened, the engine still answers, with the reason, so the UI can show it.
 */
export function runEngineLoop(
  channel: EngineChannel,
  options: Omit<ArchiveOptions, 'emit'>,
  log: (line: string) => void,
): Archive | null {
  const { dataDir } = options;
  let archive: Archive | null = null;
  let openError: ApiError | null = null;
  try {
    archive = Archive.open({ ...options, emit: (message) => channel.post(message) });
  } catch (error) {
    const data = toApiErrorData(error);
    openError = new ApiError(data.code, data.message);
    log(`engine: cannot open archive at ${dataDir}: ${data.message}`);
  }

  channel.onMessage((raw) => {
    const request = readRequestMessage(raw);
    if (!request) {
      log('engine: malformed request ignored');
      return;
    }
    const answer = async (): Promise<unknown> => {
      if (!archive) throw openError ?? new ApiError('internal', '归档未打开。');
      return archive.handle(request.method, request.args);
    };
    answer().then(
      (result) => channel.post({ type: 'response', id: request.id, ok: true, result }),
      (error: unknown) =>
        channel.post({ type: 'response', id: request.id, ok: false, error: toApiErrorData(error) }),
    );
  });

  channel.post({ type: 'ready', pid: process.pid });
  return archive;
}
