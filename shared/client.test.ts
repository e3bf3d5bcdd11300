import { describe, expect, it } from 'vitest';
import type { EventName } from './api';
import { createArchiveClient } from './client';

describe('createArchiveClient', () => {
  it('turns each method into a transport call and routes events to their listeners', async () => {
    const calls: Array<[string, unknown]> = [];
    let push: ((event: EventName, payload: unknown) => void) | null = null;
    let subscriptions = 0;
    const api = createArchiveClient({
      call: (method, args) => {
        calls.push([method, args]);
        return Promise.resolve({ method });
      },
      subscribe: (listener) => {
        subscriptions += 1;
        push = listener;
        return () => undefined;
      },
    });

    await expect(api.status()).resolves.toEqual({ method: 'status' });
    await api.getLetter({ id: 7 });
    expect(calls).toEqual([
      ['status', {}],
      ['getLetter', { id: 7 }],
    ]);

    const states: string[] = [];
    const stop = api.on('engine-state', (event) => states.push(event.state));
    api.on('import-progress', () => states.push('progress'));
    expect(subscriptions).toBe(1);
    push!('engine-state', { state: 'restarting', message: '', restarts: 1 });
    stop();
    push!('engine-state', { state: 'ready', message: '', restarts: 1 });
    expect(states).toEqual(['restarting']);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
