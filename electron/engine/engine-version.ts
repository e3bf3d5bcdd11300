declare const __HUIHAN_VERSION__: string | undefined;

/** The app's version, fixed at build time (electron-vite `define`; vitest defines it too). */
export const ENGINE_VERSION: string =
  typeof __HUIHAN_VERSION__ === 'string' ? __HUIHAN_VERSION__ : '0.0.0-dev';
