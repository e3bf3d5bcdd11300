import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '回函档案';
export const WINDOW_BACKGROUND = '#f5f6f8';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preload: string;
  /** Developer tools are available only in development builds. */
  devTools: boolean;
}

/**
 * The main window's options. Everything that widens what the page can do is off: the page is
 * sandboxed, isolated from the preload, has no Node, no <webview>, and cannot load insecure content.
 */
export function mainWindowOptions({
  preload,
  devTools,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  };
}
