/** Error codes that cross every transport; `message` is always Chinese, for the user. */
export const API_ERROR_CODES = [
  'not_available',
  'invalid_arguments',
  'unknown_method',
  'not_found',
  'engine_crashed',
  'engine_unavailable',
  'forbidden',
  /** The file an export or backup would write exists: the UI asks 确认覆盖？ and retries with overwrite. */
  'already_exists',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message);
  }
}

/** Turns anything thrown into the data sent over a transport, without leaking stack traces. */
export function toApiErrorData(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return error.toData();
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `内部错误：${detail}` };
}
