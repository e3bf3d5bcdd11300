import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { readFromEngineMessage, readRequestMessage, validateCall } from './protocol';

function rejection(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('validateCall', () => {
  it('accepts a valid call and fills defaults', () => {
    expect(validateCall('search', { query: '人才公寓' })).toEqual({
      query: '人才公寓',
      sort: 'relevance',
      offset: 0,
      limit: 50,
    });
    expect(validateCall('status', undefined)).toEqual({});
  });

  it('refuses an unknown method in Chinese', () => {
    const error = rejection(() => validateCall('dropDatabase', {}));
    expect(error.code).toBe('unknown_method');
    expect(error.message).toContain('未知的操作');
  });

  it('refuses bad arguments, naming the field', () => {
    const error = rejection(() => validateCall('getLetter', { id: -3 }));
    expect(error.code).toBe('invalid_arguments');
    expect(error.message).toContain('参数不正确（id）');
    expect(rejection(() => validateCall('status', { extra: 1 })).code).toBe('invalid_arguments');
    expect(
      rejection(() =>
        validateCall('addFollowUp', { commitmentId: 1, note: '已完成', author: '张', date: '2024/1/1' }),
      ).message,
    ).toContain('YYYY-MM-DD');
  });
});

describe('protocol messages', () => {
  it('reads well-formed messages and rejects malformed ones', () => {
    expect(readRequestMessage({ type: 'request', id: 1, method: 'status', args: {} })).toEqual({
      type: 'request',
      id: 1,
      method: 'status',
      args: {},
    });
    expect(readRequestMessage({ type: 'request', id: 'x', method: 'status' })).toBeNull();
    expect(readFromEngineMessage({ type: 'ready', pid: 42 })).toEqual({ type: 'ready', pid: 42 });
    expect(
      readFromEngineMessage({
        type: 'response',
        id: 3,
        ok: false,
        error: { code: 'not_available', message: '尚未提供' },
      }),
    ).not.toBeNull();
    expect(
      readFromEngineMessage({ type: 'response', id: 3, ok: false, error: { code: 'boom', message: 'x' } }),
    ).toBeNull();
    expect(readFromEngineMessage({ type: 'event', event: 'unknown-event', payload: {} })).toBeNull();
  });
});
