import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/channels';
import { createArchiveClient } from '../../shared/client';
import { bridgedError, createIpcTransport, unwrapResult } from './transport';

vi.mock('electron', () => ({}));

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null }));
}

function client() {
  const ipc = new FakeIpcRenderer();
  const api = createArchiveClient(createIpcTransport(ipc as unknown as IpcRenderer));
  return { ipc, api };
}

describe('IPC transport', () => {
  it('invokes the call channel with the method and its argument, and resolves the result', async () => {
    const { ipc, api } = client();
    ipc.invoke.mockResolvedValueOnce({ ok: true, result: { total: 1, items: [] } });
    await expect(api.search({ query: '人才' })).resolves.toEqual({ total: 1, items: [] });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'search', { query: '人才' });
  });

  it('rejects with the code and the Chinese message of an archive error', async () => {
    const { ipc, api } = client();
    ipc.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid_arguments', message: '参数不正确（id）' },
    });
    const error: unknown = await api.getLetter({ id: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', code: 'invalid_arguments', message: '参数不正确（id）' });
    expect(String(error)).toBe('参数不正确（id）');
  });

  it('turns a failed invoke or a malformed answer into an internal error', async () => {
    const { ipc, api } = client();
    ipc.invoke.mockRejectedValueOnce(new Error('channel closed'));
    await expect(api.status()).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('主进程'),
    });
    ipc.invoke.mockResolvedValueOnce('surprise');
    await expect(api.status()).rejects.toMatchObject({ code: 'internal' });
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'made_up', message: 'x' } });
    await expect(api.status()).rejects.toMatchObject({ code: 'internal' });
  });

  it('dispatches events from the event channel to the matching listeners, until unsubscribed', () => {
    const { ipc, api } = client();
    const progress = vi.fn();
    const state = vi.fn();
    const off = api.on('import-progress', progress);
    api.on('engine-state', state);
    ipc.emit(IPC_EVENT_CHANNEL, {}, { event: 'import-progress', payload: { done: 1 } });
    ipc.emit(IPC_EVENT_CHANNEL, {}, 'garbage');
    expect(progress).toHaveBeenCalledWith({ done: 1 });
    expect(state).not.toHaveBeenCalled();
    off();
    ipc.emit(IPC_EVENT_CHANNEL, {}, { event: 'import-progress', payload: { done: 2 } });
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('subscribes once and can remove its listener', () => {
    const ipc = new FakeIpcRenderer();
    const transport = createIpcTransport(ipc as unknown as IpcRenderer);
    const unsubscribe = transport.subscribe(vi.fn());
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});

describe('unwrapResult / bridgedError', () => {
  it('returns the result of a successful call', () => {
    expect(unwrapResult({ ok: true, result: 7 })).toBe(7);
  });

  it('builds a plain, cloneable error object', () => {
    const error = bridgedError({ code: 'not_found', message: '未找到该回函。' });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    expect(error).toMatchObject({ name: 'ApiError', code: 'not_found', message: '未找到该回函。' });
  });
});
