import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};
const defineVersion = { __HUIHAN_VERSION__: JSON.stringify(packageJson.version) };

/**
 * One build for every part of the app:
 * - main: the Electron main process, the engine worker, the CLI and the web host (plain Node ESM);
 * - preload: the contextBridge script (CommonJS, as sandboxed preloads must be);
 * - renderer: the React UI, plus the small bridge the web host injects to define window.huihan.
 */
export default defineConfig({
  main: {
    define: defineVersion,
    build: {
      outDir: 'out',
      emptyOutDir: false,
      externalizeDeps: true,
      sourcemap: true,
      rollupOptions: {
        input: {
          'main/index': resolve(import.meta.dirname, 'electron/main/index.ts'),
          'engine/worker': resolve(import.meta.dirname, 'electron/engine/worker.ts'),
          'engine/extract-worker': resolve(import.meta.dirname, 'electron/engine/import/extract-worker.ts'),
          'cli/index': resolve(import.meta.dirname, 'electron/cli/index.ts'),
          'web/index': resolve(import.meta.dirname, 'electron/web/index.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle zod and the shared contract.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          'web-bridge': resolve(import.meta.dirname, 'electron/web/bridge/index.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
