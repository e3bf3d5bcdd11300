import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../shared/api-error';
import type { EngineStateEvent } from '../../shared/domain';
import type { EventMessage, ToEngineMessage } from '../../shared/protocol';
import { EngineSupervisor, type EngineProcess } from './engine-supervisor';

/** An engine process under the test's control. */
class FakeEngine implements EngineProcess {
  sent: ToEngineMessage[] = [];
  killed = false;
  private messageListener: (message: unknown) => void = () => undefined;
  private exitListeners: Array<(code: number | null) => void> = [];

  send(message: ToEngineMessage): void {
    this.sent.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
  }
  receive(message: unknown): void {
    this.messageListener(message);
  }
  die(code: number | null): void {
    for (const listener of this.exitListeners) listener(code);
  }
}

function setup(options: { maxRestarts?: number } = {}) {
  const engines: FakeEngine[] = [];
  const events: EventMessage[] = [];
  const supervisor = new EngineSupervisor(
    () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return engine;
    },
    { onEvent: (message) => events.push(message), restartDelayMs: 10, ...options },
  );
  supervisor.start();
  const states = () =>
    events.filter((m) => m.event === 'engine-state').map((m) => (m.payload as EngineStateEvent).state);
  return { supervisor, engines, events, states };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineSupervisor', () => {
  it('correlates responses with calls and forwards engine events', async () => {
    const { supervisor, engines, events } = setup();
    const engine = engines[0]!;
    engine.receive({ type: 'ready', pid: 1 });
    const first = supervisor.call('status', {});
    const second = supervisor.call('getLetter', { id: 2 });
    const [a, b] = engine.sent;
    engine.receive({
      type: 'response',
      id: b!.id,
      ok: false,
      error: { code: 'not_found', message: '找不到该回函' },
    });
    engine.receive({ type: 'response', id: a!.id, ok: true, result: { letterCount: 3 } });
    await expect(first).resolves.toEqual({ letterCount: 3 });
    await expect(second).rejects.toMatchObject({ code: 'not_found', message: '找不到该回函' });
    engine.receive({ type: 'event', event: 'import-progress', payload: { done: 1 } });
    expect(events.map((m) => m.event)).toEqual(['engine-state', 'import-progress']);
  });

  it('fails pending calls with a clear error when the engine dies, restarts it, and tells the UI', async () => {
    vi.useFakeTimers();
    const { supervisor, engines, states, events } = setup();
    engines[0]!.receive({ type: 'ready', pid: 1 });
    const pending = supervisor.call('status', {});
    engines[0]!.die(null);
    const error = (await pending.catch((reason: unknown) => reason)) as ApiError;
    expect(error.code).toBe('engine_crashed');
    expect(error.message).toContain('归档引擎意外退出');
    expect(error.message).toContain('请重试');
    expect(supervisor.state).toBe('restarting');

    // A call made while restarting waits for the new engine instead of failing.
    const queued = supervisor.call('status', {});
    await vi.advanceTimersByTimeAsync(20);
    expect(engines).toHaveLength(2);
    const replacement = engines[1]!;
    expect(replacement.sent).toHaveLength(1);
    replacement.receive({ type: 'ready', pid: 2 });
    replacement.receive({ type: 'response', id: replacement.sent[0]!.id, ok: true, result: 'ok' });
    await expect(queued).resolves.toBe('ok');
    expect(states()).toEqual(['ready', 'restarting', 'ready']);
    const last = events.at(-1)!.payload as EngineStateEvent;
    expect(last.restarts).toBe(1);
    expect(last.message).toContain('已重新启动');
  });

  it('gives up after repeated crashes and says so', async () => {
    vi.useFakeTimers();
    const { supervisor, engines, states } = setup({ maxRestarts: 2 });
    for (let crash = 0; crash < 3; crash += 1) {
      engines.at(-1)!.die(70);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(engines).toHaveLength(3);
    expect(states().at(-1)).toBe('failed');
    await expect(supervisor.call('status', {})).rejects.toMatchObject({ code: 'engine_unavailable' });
  });

  it('stops for good: kills the engine, fails pending calls, never restarts', async () => {
    vi.useFakeTimers();
    const { supervisor, engines } = setup();
    const pending = supervisor.call('status', {});
    supervisor.stop();
    await expect(pending).rejects.toMatchObject({ code: 'engine_unavailable' });
    expect(engines[0]!.killed).toBe(true);
    engines[0]!.die(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(engines).toHaveLength(1);
  });

  it('stops and waits for the process to exit, then starts again on request, telling the host when ready', async () => {
    const ready = vi.fn();
    const engines: FakeEngine[] = [];
    const supervisor = new EngineSupervisor(
      () => {
        const engine = new FakeEngine();
        engines.push(engine);
        return engine;
      },
      { onEvent: () => undefined, onReady: ready },
    );
    supervisor.start();
    engines[0]!.receive({ type: 'ready', pid: 1 });
    expect(ready).toHaveBeenCalledTimes(1);
    let exited = false;
    const stopping = supervisor.stopAndWait().then(() => {
      exited = true;
    });
    expect(engines[0]!.killed).toBe(true);
    await Promise.resolve();
    expect(exited).toBe(false);
    engines[0]!.die(0);
    await stopping;
    expect(exited).toBe(true);
    await expect(supervisor.call('status', {})).rejects.toMatchObject({
      code: 'engine_unavailable',
      message: expect.stringContaining('正在移动档案'),
    });

    supervisor.start();
    expect(engines).toHaveLength(2);
    const call = supervisor.call('status', {});
    engines[1]!.receive({ type: 'ready', pid: 2 });
    engines[1]!.receive({
      type: 'response',
      id: engines[1]!.sent[0]!.id,
      ok: true,
      result: { letterCount: 1 },
    });
    await expect(call).resolves.toEqual({ letterCount: 1 });
    expect(ready).toHaveBeenCalledTimes(2);
  });
});
