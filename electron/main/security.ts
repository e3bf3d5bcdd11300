import type { App, Event, Session, WebContents } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-url';
import type { Log } from './log';

export { isAppUrl } from './app-url';

/** Shortens a URL for the log (data: URLs can be megabytes long). */
export function forLog(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

/**
 * Whether the session may load a URL: the app's own files (app://huihan/…), the developer tools,
 * and data:/blob: URLs the app itself made. Everything else (http, https, ws, file, ftp, …) is refused.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case APP_SCHEME:
      return isAppUrl(url);
    case 'devtools':
    case 'data':
      return true;
    case 'blob':
      return isAppUrl(url.slice('blob:'.length));
    default:
      return false;
  }
}

/** Pages navigate only within the app (the developer tools live on devtools://, which pages cannot reach). */
export function isAllowedNavigationUrl(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools://');
}

type NavigationEvent = Event<{ url: string }>;

/**
 * Guards one webContents: it may navigate and redirect only within the app, never open windows,
 * and never attach a <webview>.
 */
export function guardWebContents(contents: WebContents, log: Log): void {
  const refuse = (kind: string) => (event: NavigationEvent) => {
    if (isAllowedNavigationUrl(event.url)) return;
    event.preventDefault();
    log(`security: ${kind} to ${forLog(event.url)} prevented`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log(`security: window.open of ${forLog(url)} denied`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('security: <webview> attach prevented');
  });
}

/** Hardens a session: no permissions at all, no downloads, and no request leaves the app. */
export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`security: permission request "${permission}" denied`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequestUrl(details.url)) {
      callback({});
      return;
    }
    log(`security: blocked ${details.method} ${forLog(details.url)}`);
    callback({ cancel: true });
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`security: download of ${forLog(item.getURL())} prevented`);
  });
}

/**
 * Applies the guards to every webContents the app ever creates (windows, devtools, anything else)
 * and hardens every session they use, each once.
 */
export function installSecurityGuards(app: App, log: Log): void {
  const hardened = new WeakSet<Session>();
  const harden = (session: Session) => {
    if (hardened.has(session)) return;
    hardened.add(session);
    hardenSession(session, log);
  };
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, log);
    harden(contents.session);
  });
}
