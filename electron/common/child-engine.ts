import { fork } from 'node:child_process';
import type { EngineProcess, SpawnEngine } from './engine-supervisor';

export interface ChildEngineOptions {
  workerPath: string;
  /** The archive folder, read at each start (it changes when the user moves the archive). */
  dataDir: string | (() => string);
  /** Extra Node flags, e.g. ['--import', 'tsx'] to run the TypeScript worker in tests. */
  execArgv?: string[];
  log?: (line: string) => void;
}

/** Starts the engine worker with child_process.fork (the web host's engine process). */
export function childEngineSpawner(options: ChildEngineOptions): SpawnEngine {
  return (): EngineProcess => {
    const child = fork(options.workerPath, [], {
      env: {
        ...process.env,
        HUIHAN_DATA: typeof options.dataDir === 'string' ? options.dataDir : options.dataDir(),
      },
      execArgv: options.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const forward = (chunk: Buffer): void => options.log?.(chunk.toString('utf8').trimEnd());
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    return {
      send: (message) => {
        child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => {
        child.kill();
      },
    };
  };
}
