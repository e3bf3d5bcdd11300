import { z } from 'zod';
import { apiArgSchemas, isMethodName, type MethodName, type ParsedMethodArgs } from './api-schemas';
import { API_ERROR_CODES, ApiError, type ApiErrorData } from './api-error';
import type { EventName, EventPayloads } from './api';
import { EVENT_NAMES } from './api';

/**
 * The one request/response/event protocol, used over every transport:
 * Electron IPC, utilityProcess / child_process messages, HTTP + server-sent events, in-process calls.
 */
export interface RequestMessage {
  type: 'request';
  id: number;
  method: MethodName;
  args: unknown;
}

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ApiErrorData };

export interface EventMessage<E extends EventName = EventName> {
  type: 'event';
  event: E;
  payload: EventPayloads[E];
}

/** Sent once by the engine process when it has started and can answer. */
export interface ReadyMessage {
  type: 'ready';
  pid: number;
}

export type ToEngineMessage = RequestMessage;
export type FromEngineMessage = ResponseMessage | EventMessage | ReadyMessage;

const errorData = z.object({ code: z.enum(API_ERROR_CODES), message: z.string() });

const requestSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  args: z.unknown(),
});

const fromEngineSchema = z.union([
  z.object({ type: z.literal('response'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('response'), id: z.number().int(), ok: z.literal(false), error: errorData }),
  z.object({
    type: z.literal('event'),
    event: z.enum(EVENT_NAMES as [EventName, ...EventName[]]),
    payload: z.unknown(),
  }),
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
]);

/** Reads a message arriving at the engine; anything malformed is reported, never trusted. */
export function readRequestMessage(value: unknown): { id: number; method: string; args: unknown } | null {
  const parsed = requestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Reads a message arriving from the engine. */
export function readFromEngineMessage(value: unknown): FromEngineMessage | null {
  const parsed = fromEngineSchema.safeParse(value);
  return parsed.success ? (parsed.data as FromEngineMessage) : null;
}

/** Validates a call's method name and argument with its zod schema. Throws ApiError in Chinese. */
export function validateCall<M extends MethodName>(method: M, args: unknown): ParsedMethodArgs<M>;
export function validateCall(method: unknown, args: unknown): ParsedMethodArgs<MethodName>;
export function validateCall(method: unknown, args: unknown): unknown {
  if (!isMethodName(method)) {
    throw new ApiError('unknown_method', `未知的操作：${String(method).slice(0, 60)}`);
  }
  const parsed = apiArgSchemas[method].safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `（${first.path.join('.')}）` : '';
    throw new ApiError('invalid_arguments', `参数不正确${where}：${first?.message ?? '格式错误'}`);
  }
  return parsed.data;
}
