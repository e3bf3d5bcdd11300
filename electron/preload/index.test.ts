import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL } from '../../shared/channels';
import { METHOD_NAMES } from '../../shared/api-schemas';

const exposed = vi.hoisted(() => new Map<string, Record<string, unknown>>());
const invoke = vi.hoisted(() =>
  vi.fn(async (): Promise<unknown> => ({ ok: true, result: { letterCount: 0 } })),
);
const getPathForFile = vi.hoisted(() => vi.fn(() => '/home/user/回函/018.docx'));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value),
  },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile },
}));

await import('./index');

describe('preload', () => {
  it('exposes window.huihan and window.huihanFiles, nothing else', () => {
    expect([...exposed.keys()].sort()).toEqual(['huihan', 'huihanFiles']);
    expect(Object.keys(exposed.get('huihanFiles') ?? {})).toEqual(['toImportPaths', 'toLocalFile']);
  });

  it('window.huihan has every ArchiveApi method plus on(), and no ipcRenderer', () => {
    const api = exposed.get('huihan') ?? {};
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('routes calls through the IPC call channel', async () => {
    const api = exposed.get('huihan') as { status: () => Promise<unknown> };
    await expect(api.status()).resolves.toEqual({ letterCount: 0 });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'status', {});
  });

  it('gives the paths of dropped files', async () => {
    const files = exposed.get('huihanFiles') as { toImportPaths: (files: unknown[]) => Promise<string[]> };
    const file = { name: '018.docx' };
    await expect(files.toImportPaths([file])).resolves.toEqual(['/home/user/回函/018.docx']);
    expect(getPathForFile).toHaveBeenCalledWith(file);
  });

  it('gives the path of a chosen backup file, to restore from', async () => {
    const files = exposed.get('huihanFiles') as { toLocalFile: (file: unknown) => Promise<string> };
    await expect(files.toLocalFile({ name: '018.docx' })).resolves.toBe('/home/user/回函/018.docx');
  });
});
