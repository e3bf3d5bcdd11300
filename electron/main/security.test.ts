import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  guardWebContents,
  hardenSession,
  installSecurityGuards,
  isAllowedNavigationUrl,
  isAllowedRequestUrl,
  isAppUrl,
} from './security';

vi.mock('electron', () => ({}));

interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

function event(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  session: FakeSession;
  constructor(session = new FakeSession()) {
    super();
    this.session = session;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

type RequestListener = (
  details: { url: string; method: string },
  callback: (r: { cancel?: boolean }) => void,
) => void;

class FakeSession extends EventEmitter {
  requestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  beforeRequest: RequestListener | null = null;
  webRequest = {
    onBeforeRequest: (listener: RequestListener) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']): void {
    this.deviceHandler = handler;
  }
  request(url: string): { cancel?: boolean } {
    let answer: { cancel?: boolean } | undefined;
    this.beforeRequest?.({ url, method: 'GET' }, (response) => {
      answer = response;
    });
    if (!answer) throw new Error('onBeforeRequest did not answer');
    return answer;
  }
}

const guarded = () => {
  const log = vi.fn();
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents, log);
  return { contents, log };
};

const hardened = () => {
  const log = vi.fn();
  const session = new FakeSession();
  hardenSession(session as unknown as Session, log);
  return { session, log };
};

describe('isAppUrl', () => {
  it('accepts only app://huihan/…', () => {
    expect(isAppUrl('app://huihan/index.html')).toBe(true);
    expect(isAppUrl('app://huihan/assets/index-1.js?x=1#y')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://huihan.evil.com/index.html')).toBe(false);
    expect(isAppUrl('app://user@huihan/index.html')).toBe(false);
    expect(isAppUrl('https://huihan/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/huihan/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('navigation guard', () => {
  it('prevents navigation to the web and logs it', () => {
    const { contents, log } = guarded();
    const navigation = event('https://example.com/');
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://example.com/'));
  });

  it('lets the app navigate within app://huihan/', () => {
    const { contents, log } = guarded();
    const navigation = event('app://huihan/index.html#/search');
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it('prevents redirects and frame navigations that leave the app, file:// included', () => {
    const { contents } = guarded();
    const redirect = event('http://127.0.0.1:8080/');
    contents.emit('will-redirect', redirect, redirect.url);
    const frame = event('file:///etc/passwd');
    contents.emit('will-frame-navigate', frame);
    expect(redirect.defaultPrevented).toBe(true);
    expect(frame.defaultPrevented).toBe(true);
    expect(isAllowedNavigationUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('denies every window.open, even to the app itself', () => {
    const { contents, log } = guarded();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://huihan/index.html' })).toEqual({ action: 'deny' });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const attach = event();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const { session, log } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission)).toBe(false);
    }
    expect(session.deviceHandler?.()).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('media'));
  });

  it('blocks and logs every request that is not the app’s own', () => {
    const { session, log } = hardened();
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/api',
      'ws://localhost:9229/',
      'wss://example.com/socket',
      'file:///etc/passwd',
      'ftp://example.com/file',
      'app://elsewhere/index.html',
      'blob:https://example.com/0b1c',
    ]) {
      expect(session.request(url), url).toEqual({ cancel: true });
      expect(log).toHaveBeenCalledWith(expect.stringContaining(url));
    }
  });

  it('lets the app load its own files, data:, its own blob: URLs and the developer tools', () => {
    const { session, log } = hardened();
    for (const url of [
      'app://huihan/index.html',
      'app://huihan/assets/index-abc.js',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://huihan/6c1e2c3a-1111-2222-3333-444455556666',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(session.request(url), url).toEqual({});
    }
    expect(log).not.toHaveBeenCalled();
    expect(isAllowedRequestUrl('chrome://settings')).toBe(false);
  });

  it('prevents downloads', () => {
    const { session } = hardened();
    const download = event();
    session.emit('will-download', download, { getURL: () => 'https://example.com/x.exe' });
    expect(download.defaultPrevented).toBe(true);
  });
});

describe('installSecurityGuards', () => {
  it('guards every webContents created later and hardens each session once', () => {
    const app = new EventEmitter();
    const log = vi.fn();
    installSecurityGuards(app as unknown as App, log);
    const shared = new FakeSession();
    const spy = vi.spyOn(shared, 'setPermissionRequestHandler');
    const first = new FakeWebContents(shared);
    const second = new FakeWebContents(shared);
    app.emit('web-contents-created', {}, first);
    app.emit('web-contents-created', {}, second);

    const navigation = event('https://example.com/');
    second.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    expect(first.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(shared.request('https://example.com/')).toEqual({ cancel: true });
  });
});
