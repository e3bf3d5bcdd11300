import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStateEvent, EngineStatus } from '../../shared/domain';
import type { EventMessage } from '../../shared/protocol';
import { EngineSupervisor } from '../common/engine-supervisor';
import { sourceEngineSpawner } from '../common/test-engine';
import { temporaryFolder } from './test-support';
import { LATEST_SCHEMA_VERSION } from './store/migrations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function waitFor(events: EventMessage[], predicate: (event: EngineStateEvent) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (events.some((m) => m.event === 'engine-state' && predicate(m.payload as EngineStateEvent))) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(new Error('engine state not reached'));
      }
    }, 20);
  });
}

describe('the engine process', () => {
  it('answers status from its own process, and is restarted with the archive intact after being killed', async () => {
    const folder = temporaryFolder();
    const events: EventMessage[] = [];
    const supervisor = new EngineSupervisor(sourceEngineSpawner(folder.path), {
      onEvent: (message) => events.push(message),
      restartDelayMs: 50,
    });
    cleanups.push(folder.remove, () => supervisor.stop());
    supervisor.start();

    const first = (await supervisor.call('status', {})) as EngineStatus;
    expect(first.dataDir).toBe(folder.path);
    expect(first.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(first.pid).not.toBe(process.pid);

    await expect(supervisor.call('restoreArchive', { source: '/tmp/无此备份.huihan' })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
    await expect(supervisor.call('getLetter', { id: 0 })).rejects.toMatchObject({
      code: 'invalid_arguments',
    });

    process.kill(first.pid, 'SIGKILL');
    await waitFor(events, (event) => event.state === 'restarting');
    await waitFor(events, (event) => event.state === 'ready' && event.restarts === 1);

    const second = (await supervisor.call('status', {})) as EngineStatus;
    expect(second.pid).not.toBe(first.pid);
    expect(second).toMatchObject({
      dataDir: folder.path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      letterCount: 0,
    });
  });
});
