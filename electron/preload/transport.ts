import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { EventName } from '../../shared/api';
import { API_ERROR_CODES, type ApiErrorCode, type ApiErrorData } from '../../shared/api-error';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/channels';
import type { ApiTransport } from '../../shared/client';

/**
 * How an archive error reaches the page. contextBridge copies an Error's message only (its `code`
 * would be lost, and the message gets an "Error: " prefix), so calls reject with this plain object
 * instead. The page reads `error.code` and `error.message` — the same two properties an ApiError
 * has under the web host — and String(error) gives the Chinese message.
 */
export interface BridgedApiError extends ApiErrorData {
  name: 'ApiError';
  toString(): string;
}

export function bridgedError(data: ApiErrorData): BridgedApiError {
  const { code, message } = data;
  return { name: 'ApiError', code, message, toString: () => message };
}

const ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorCode>(API_ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the main process's { ok, result | error } answer; anything else is an internal error. */
export function unwrapResult(answer: unknown): unknown {
  if (isRecord(answer) && answer.ok === true) return answer.result;
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message } = answer.error;
    if (typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string') {
      throw bridgedError({ code: code as ApiErrorCode, message });
    }
  }
  throw bridgedError({ code: 'internal', message: '内部错误：主进程返回了无法识别的结果。' });
}

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** The ArchiveApi transport over Electron IPC. */
export function createIpcTransport(ipc: IpcLike): ApiTransport {
  return {
    async call(method, args) {
      let answer: unknown;
      try {
        answer = await ipc.invoke(IPC_CALL_CHANNEL, method, args);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw bridgedError({ code: 'internal', message: `内部错误：无法联系主进程（${detail}）。` });
      }
      return unwrapResult(answer);
    },
    subscribe(listener) {
      const onEvent = (_event: IpcRendererEvent, envelope: unknown) => {
        if (isRecord(envelope) && typeof envelope.event === 'string') {
          listener(envelope.event as EventName, envelope.payload);
        }
      };
      ipc.on(IPC_EVENT_CHANNEL, onEvent);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
      };
    },
  };
}
