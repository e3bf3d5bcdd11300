import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { UtilityProcess } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { adaptUtilityProcess, pipeLines } from './engine-process';

vi.mock('electron', () => ({}));

class FakeUtilityProcess extends EventEmitter {
  pid = 4242;
  stdout = new PassThrough();
  stderr = new PassThrough();
  postMessage = vi.fn();
  kill = vi.fn(() => true);
}

function adapt() {
  const child = new FakeUtilityProcess();
  const log = vi.fn();
  const engine = adaptUtilityProcess(child as unknown as UtilityProcess, log);
  return { child, log, engine };
}

describe('adaptUtilityProcess', () => {
  it('sends requests with postMessage', () => {
    const { child, engine } = adapt();
    engine.send({ type: 'request', id: 1, method: 'status', args: {} });
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'request', id: 1, method: 'status', args: {} });
  });

  it('passes the process’s messages on', () => {
    const { child, engine } = adapt();
    const listener = vi.fn();
    engine.onMessage(listener);
    child.emit('message', { type: 'ready', pid: 4242 });
    expect(listener).toHaveBeenCalledWith({ type: 'ready', pid: 4242 });
  });

  it('reports the exit code, and logs it', () => {
    const { child, engine, log } = adapt();
    const listener = vi.fn();
    engine.onExit(listener);
    child.emit('exit', 3);
    expect(listener).toHaveBeenCalledWith(3);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('code 3'));
  });

  it('kills the process', () => {
    const { child, engine } = adapt();
    engine.kill();
    expect(child.kill).toHaveBeenCalledTimes(1);
  });

  it('pipes stdout and stderr to the main log, line by line', async () => {
    const { child, log } = adapt();
    child.stdout.write('索引已载入\npart');
    child.stdout.write('ial line\n');
    child.stderr.write('warning: slow disk\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toHaveBeenCalledWith('[engine] 索引已载入');
    expect(log).toHaveBeenCalledWith('[engine] partial line');
    expect(log).toHaveBeenCalledWith('[engine:err] warning: slow disk');
  });

  it('logs fatal errors of the process', () => {
    const { child, log } = adapt();
    child.emit('error', 'FatalError', 'worker.js:1', '');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('FatalError'));
  });
});

describe('pipeLines', () => {
  it('accepts a missing stream (stdio not piped)', () => {
    expect(() => pipeLines(null, '[engine]', vi.fn())).not.toThrow();
  });
});
