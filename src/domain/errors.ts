// One closed list of error codes and the HTTP status each maps to. The domain throws AppError;
// one handler in server.ts renders {"error": {code, message, fields}}.
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNKNOWN_FILTER: 400,
  /** An import file that is not text in an encoding the import reads (L-7). */
  FILE_ENCODING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  SETUP_ALREADY_DONE: 409,
  ALREADY_CONVERTED: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_TYPE: 415,
  OPPORTUNITY_CLOSED: 422,
  OPPORTUNITY_OPEN: 422,
  NOT_A_COMPETITOR: 422,
  RESTORE_EXPIRED: 422,
  PROCESS_FIXED: 422,
  STAGE_NOT_IN_PROCESS: 422,
  CONTACT_NOT_OF_COMPANY: 422,
  INACTIVE_ENTRY: 422,
  LAST_ADMIN: 422,
  LAST_SELLER: 422,
  IN_USE: 422,
  NOT_A_CALL: 422,
  ACTIVITY_WITHOUT_COMPANY: 422,
  ACTIVITY_HAS_OPPORTUNITY: 422,
  TOO_MANY_ATTEMPTS: 429,
  /** An import runs and as many as may wait are waiting (one import at a time per instance). */
  IMPORT_QUEUE_FULL: 429,
  HEADERS_TOO_LARGE: 431,
  /** The database did not answer (health check, I-1). */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /** For a version conflict: the record as it is now, so the client can show or merge it. */
  readonly current: unknown;

  constructor(code: ErrorCode, message: string, options: { fields?: Record<string, string>; current?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.current = options.current;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, id: number | string) => new AppError('NOT_FOUND', `${what} ${id} was not found`);

export const invalid = (field: string, message: string) => new AppError('VALIDATION', message, { fields: { [field]: message } });
