/**
 * The engine process's entry point. Runs as an Electron utilityProcess in the app (messages over
 * process.parentPort) and as a child_process.fork under the web host (messages over process.send).
 * Plain Node: never imports electron.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveArchiveDir } from '../common/data-folder';
import type { FromEngineMessage } from '../../shared/protocol';
import { runEngineLoop, type EngineChannel } from './engine-loop';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function channelFromHost(): EngineChannel {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      post: (message: FromEngineMessage) => parentPort.postMessage(message),
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    return {
      onMessage: (listener) => process.on('message', listener),
      post: (message: FromEngineMessage) => {
        send(message);
      },
    };
  }
  throw new Error('The engine worker must be started by the app or the web host (no message channel).');
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

process.on('uncaughtException', (error) => {
  log(`engine: uncaught exception: ${error.stack ?? error.message}`);
  process.exit(70);
});

const extractWorkerPath = join(import.meta.dirname, 'extract-worker.js');
const archive = runEngineLoop(
  channelFromHost(),
  {
    dataDir: resolveArchiveDir(undefined),
    // Built app: the worker script sits beside this file. From source (tests), files are read in-process.
    extractWorker: existsSync(extractWorkerPath) ? { path: extractWorkerPath } : undefined,
  },
  log,
);

const shutdown = (): void => {
  archive?.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
