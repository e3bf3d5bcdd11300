import { METHOD_NAMES, type MethodName } from './methods';
import type { ArchiveApi, EventName, EventPayloads } from './api';

/** How a host carries calls and events; everything else about window.huihan is the same everywhere. */
export interface ApiTransport {
  call(method: MethodName, args: unknown): Promise<unknown>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** Builds the typed ArchiveApi over a transport: one function per method plus `on(event, listener)`. */
export function createArchiveClient(transport: ApiTransport): ArchiveApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | null = null;

  const dispatch = (event: EventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) {
      (listener as (value: unknown) => void)(payload);
    }
  };

  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (args?: unknown) => transport.call(method, args ?? {});
  }
  api.on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    unsubscribe ??= transport.subscribe(dispatch);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };
  return Object.freeze(api) as unknown as ArchiveApi;
}
