import type { UtilityProcess } from 'electron';
import type { EngineProcess } from '../common/engine-supervisor';
import type { Log } from './log';

interface LineSource {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
}

/** Forwards a stream to the log line by line, each line prefixed (e.g. "[engine]"). */
export function pipeLines(stream: LineSource | null | undefined, prefix: string, log: Log): void {
  if (!stream) return;
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split(/\r?\n/u);
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') log(`${prefix} ${line}`);
    if (rest.length > 10_000) {
      log(`${prefix} ${rest}`);
      rest = '';
    }
  });
}

/** Presents an Electron utilityProcess as the EngineProcess the supervisor drives. */
export function adaptUtilityProcess(child: UtilityProcess, log: Log): EngineProcess {
  pipeLines(child.stdout, '[engine]', log);
  pipeLines(child.stderr, '[engine:err]', log);
  child.on('spawn', () => log(`engine: process ${child.pid ?? '?'} started`));
  child.on('error', (type, location) => log(`engine: fatal error ${type} at ${location}`));
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit: (listener) => {
      child.on('exit', (code) => {
        log(`engine: process exited with code ${code}`);
        listener(typeof code === 'number' ? code : null);
      });
    },
    kill: () => {
      child.kill();
    },
  };
}
