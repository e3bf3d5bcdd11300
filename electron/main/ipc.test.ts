import type { IpcMain, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api-error';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/channels';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { broadcast, envelopeOf, handleCall, isTrustedSender, registerIpc, type IpcDeps } from './ipc';
import type { SettingsStore } from './settings-store';

vi.mock('electron', () => ({}));

const appFrame = { url: 'app://huihan/index.html' };

function deps(engineResult: unknown = { letterCount: 3 }) {
  let current = { ...DEFAULT_SETTINGS };
  const settings: SettingsStore = {
    get: vi.fn(() => current),
    update: vi.fn((patch) => {
      current = { ...current, ...patch };
      return current;
    }),
  };
  const engine = { call: vi.fn(async () => engineResult) };
  const log = vi.fn();
  return { settings, engine, log } satisfies IpcDeps;
}

describe('isTrustedSender', () => {
  it('trusts only frames showing app://huihan/', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'https://example.com/' })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'devtools://devtools/bundled/inspector.html' })).toBe(false);
    expect(isTrustedSender({ url: '' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('handleCall', () => {
  it('refuses calls from a frame that is not the app’s, without reaching engine or settings', async () => {
    const d = deps();
    const answer = await handleCall(d, { url: 'https://example.com/' }, 'status', {});
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/拒绝/u) },
    });
    expect(await handleCall(d, null, 'status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(d.engine.call).not.toHaveBeenCalled();
    expect(d.settings.get).not.toHaveBeenCalled();
    expect(d.log).toHaveBeenCalledWith(expect.stringContaining('https://example.com/'));
  });

  it('refuses invalid arguments with invalid_arguments and a Chinese message', async () => {
    const d = deps();
    const answer = await handleCall(d, appFrame, 'getLetter', { id: 'seven' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(answer.ok === false && answer.error.message).toMatch(/参数不正确/u);
    expect(await handleCall(d, appFrame, 'status', { extra: true })).toMatchObject({
      error: { code: 'invalid_arguments' },
    });
    expect(d.engine.call).not.toHaveBeenCalled();
  });

  it('refuses unknown methods', async () => {
    const d = deps();
    expect(await handleCall(d, appFrame, 'rm -rf', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await handleCall(d, appFrame, 42, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('sends archive calls to the engine with the parsed arguments (defaults applied)', async () => {
    const d = deps({ total: 0, items: [] });
    const answer = await handleCall(d, appFrame, 'search', { query: '人才' });
    expect(answer).toEqual({ ok: true, result: { total: 0, items: [] } });
    expect(d.engine.call).toHaveBeenCalledWith('search', {
      query: '人才',
      sort: 'relevance',
      offset: 0,
      limit: 50,
    });
    expect(d.settings.get).not.toHaveBeenCalled();
  });

  it('answers settings itself, never asking the engine', async () => {
    const d = deps();
    expect(await handleCall(d, appFrame, 'getSettings', undefined)).toEqual({
      ok: true,
      result: DEFAULT_SETTINGS,
    });
    const answer = await handleCall(d, appFrame, 'updateSettings', { customDictionary: ['达人英才卡'] });
    expect(answer).toEqual({ ok: true, result: { ...DEFAULT_SETTINGS, customDictionary: ['达人英才卡'] } });
    expect(d.settings.update).toHaveBeenCalledWith({ customDictionary: ['达人英才卡'] });
    expect(d.engine.call).not.toHaveBeenCalled();
  });

  it('returns engine errors as data with their code and Chinese message', async () => {
    const d = deps();
    d.engine.call.mockRejectedValueOnce(new ApiError('engine_crashed', '归档引擎意外退出'));
    expect(await handleCall(d, appFrame, 'status', {})).toEqual({
      ok: false,
      error: { code: 'engine_crashed', message: '归档引擎意外退出' },
    });
    d.engine.call.mockRejectedValueOnce(new Error('boom'));
    expect(await handleCall(d, appFrame, 'status', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: '内部错误：boom' },
    });
  });
});

describe('registerIpc', () => {
  it('handles the call channel using the sender frame of each event', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) =>
        handlers.set(channel, handler),
      ),
      removeHandler: vi.fn(),
    };
    const d = deps();
    const remove = registerIpc(ipcMain as unknown as IpcMain, d);
    const handler = handlers.get(IPC_CALL_CHANNEL);
    expect(handler).toBeDefined();
    expect(await handler?.({ senderFrame: appFrame }, 'status', {})).toEqual({
      ok: true,
      result: { letterCount: 3 },
    });
    expect(await handler?.({ senderFrame: { url: 'https://evil.example/' } }, 'status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    remove();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CALL_CHANNEL);
  });
});

describe('broadcast', () => {
  it('sends engine events to every live window on the event channel', () => {
    const live = { isDestroyed: () => false, send: vi.fn() };
    const closed = { isDestroyed: () => true, send: vi.fn() };
    const envelope = envelopeOf({
      type: 'event',
      event: 'engine-state',
      payload: { state: 'ready', message: '归档引擎已就绪。', restarts: 0 },
    });
    broadcast([live, closed] as unknown as WebContents[], envelope);
    expect(live.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, {
      event: 'engine-state',
      payload: { state: 'ready', message: '归档引擎已就绪。', restarts: 0 },
    });
    expect(closed.send).not.toHaveBeenCalled();
  });
});
