import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/channels';

type Listener = (...args: unknown[]) => void;

/** A fake Electron: records what the main process does, in order. */
const fake = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    appListeners: new Map<string, Listener[]>(),
    lock: true,
    userData: '',
    resolveReady: (() => undefined) as () => void,
    windows: [] as {
      options: Record<string, unknown>;
      loaded: string[];
      sent: unknown[][];
      once: Map<string, Listener>;
    }[],
    forks: [] as {
      path: string;
      options: Record<string, unknown>;
      listeners: Map<string, Listener[]>;
      killed: number;
    }[],
    handled: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocolHandlers: [] as string[],
    menu: null as unknown,
    stores: [] as Record<string, unknown>[],
  };

  const on = (map: Map<string, Listener[]>, event: string, listener: Listener) =>
    map.set(event, [...(map.get(event) ?? []), listener]);

  class BrowserWindow {
    static getAllWindows = () => state.windows.map((w) => ({ webContents: webContentsOf(w) }));
    static getFocusedWindow = () => null;
    webContents: ReturnType<typeof webContentsOf>;
    private record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], sent: [], once: new Map() };
      state.windows.push(this.record);
      state.order.push('window');
      this.webContents = webContentsOf(this.record);
    }
    once(event: string, listener: Listener) {
      this.record.once.set(event, listener);
    }
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  function webContentsOf(record: (typeof state.windows)[number]) {
    return { isDestroyed: () => false, send: (...args: unknown[]) => record.sent.push(args) };
  }

  const electron = {
    app: {
      getPath: (name: string) => (name === 'appData' ? '/fake/appData' : state.userData),
      setPath: (name: string, value: string) => {
        state.order.push(`setPath:${name}`);
        if (name === 'userData') state.userData = value;
      },
      enableSandbox: () => state.order.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        state.order.push('lock');
        return state.lock;
      },
      on: (event: string, listener: Listener) => on(state.appListeners, event, listener),
      whenReady: () =>
        new Promise<void>((resolve) => {
          state.resolveReady = () => {
            state.order.push('ready');
            resolve();
          };
        }),
      isReady: () => true,
      isPackaged: false,
      getVersion: () => '0.1.0',
      quit: () => state.order.push('quit'),
      exit: () => state.order.push('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.order.push('registerSchemes');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string) => state.protocolHandlers.push(scheme),
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.handled.set(channel, handler),
      removeHandler: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    dialog: { showMessageBox: () => Promise.resolve(), showErrorBox: () => undefined },
    shell: { openPath: () => Promise.resolve(''), showItemInFolder: () => undefined },
    utilityProcess: {
      fork: (path: string, _args: string[], options: Record<string, unknown>) => {
        const record = { path, options, listeners: new Map<string, Listener[]>(), killed: 0 };
        state.forks.push(record);
        return {
          pid: 99,
          stdout: null,
          stderr: null,
          postMessage: () => undefined,
          on: (event: string, listener: Listener) => on(record.listeners, event, listener),
          kill: () => {
            record.killed += 1;
            return true;
          },
        };
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      fake.state.stores.push(options);
      this.store = { ...(options.defaults as Record<string, unknown>) };
    }
    set() {}
  },
}));
vi.mock('./log', () => ({ createLog: () => () => undefined }));

const emitApp = (event: string, ...args: unknown[]) => {
  for (const listener of fake.state.appListeners.get(event) ?? []) listener(...args);
};

async function start(): Promise<void> {
  vi.resetModules();
  await import('./index');
}

async function startAndReady(): Promise<void> {
  await start();
  fake.state.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  const s = fake.state;
  s.order = [];
  s.appListeners = new Map();
  s.lock = true;
  s.windows = [];
  s.forks = [];
  s.handled = new Map();
  s.schemes = [];
  s.protocolHandlers = [];
  s.menu = null;
  s.stores = [];
  vi.stubEnv('HUIHAN_DATA', '/tmp/huihan-test-archive');
});

afterEach(() => vi.unstubAllEnvs());

describe('main process start-up', () => {
  it('sets userData to the Huihan folder, sandboxes and registers app:// before ready', async () => {
    await start();
    const { order } = fake.state;
    expect(fake.state.userData).toBe(join('/fake/appData', 'Huihan'));
    expect(order.indexOf('setPath:userData')).toBe(0);
    expect(order).toContain('enableSandbox');
    expect(order.indexOf('registerSchemes')).toBeLessThan(order.indexOf('lock'));
    expect(order).not.toContain('ready');
    expect(fake.state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await start();
    expect(fake.state.order).toContain('quit');
    expect(fake.state.appListeners.has('web-contents-created')).toBe(false);
  });

  it('on ready: guards, protocol, settings, engine, IPC, menu, then the window on app://', async () => {
    await startAndReady();
    const s = fake.state;
    expect(s.appListeners.has('web-contents-created')).toBe(true);
    expect(s.protocolHandlers).toEqual(['app']);
    expect(s.stores).toEqual([
      expect.objectContaining({ name: 'settings', cwd: '/tmp/huihan-test-archive' }),
    ]);
    expect(s.handled.has(IPC_CALL_CHANNEL)).toBe(true);
    expect(s.menu).toEqual(expect.arrayContaining([expect.objectContaining({ label: '文件' })]));

    expect(s.forks).toHaveLength(1);
    const fork = s.forks[0];
    expect(fork?.path.endsWith(join('engine', 'worker.js'))).toBe(true);
    expect(fork?.options).toMatchObject({
      serviceName: 'Huihan Engine',
      stdio: 'pipe',
      env: expect.objectContaining({ HUIHAN_DATA: '/tmp/huihan-test-archive' }),
    });

    expect(s.windows).toHaveLength(1);
    const window = s.windows[0];
    expect(window?.loaded).toEqual(['app://huihan/index.html']);
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: expect.objectContaining({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      }),
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/u,
    );
  });

  it('refuses IPC calls from pages that are not the app’s', async () => {
    await startAndReady();
    const handler = fake.state.handled.get(IPC_CALL_CHANNEL);
    const answer = await (handler as (...args: unknown[]) => Promise<unknown>)(
      { senderFrame: { url: 'https://example.com/' } },
      'status',
      {},
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards engine events to the window and stops the engine on quit', async () => {
    await startAndReady();
    const fork = fake.state.forks[0];
    for (const listener of fork?.listeners.get('message') ?? []) listener({ type: 'ready', pid: 99 });
    expect(fake.state.windows[0]?.sent).toContainEqual([
      IPC_EVENT_CHANNEL,
      { event: 'engine-state', payload: expect.objectContaining({ state: 'ready' }) },
    ]);
    emitApp('will-quit');
    expect(fork?.killed).toBe(1);
  });
});
