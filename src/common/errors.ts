/**
 * Error codes of API.md plus the few that only appear inside an SSE `error` event.
 * Services throw `DomainError`s with these codes; only the HTTP edge maps them to statuses.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  OAUTH_STATE_INVALID: 400,
  UNAUTHENTICATED: 401,
  SESSION_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  TURN_IN_PROGRESS: 409,
  NO_TURN_IN_FLIGHT: 409,
  VERSION_CONFLICT: 409,
  TURN_STOPPED: 409,
  SESSION_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  INTERPRETER_FAILED: 502,
  GENERATION_FAILED: 502,
  STORE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Codes a client may simply try again after. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'TURN_IN_PROGRESS',
  'VERSION_CONFLICT',
  'RATE_LIMITED',
  'INTERPRETER_FAILED',
  'GENERATION_FAILED',
  'STORE_UNAVAILABLE',
  'SHUTTING_DOWN',
  'INTERNAL_ERROR',
]);

/** A failure with a code from the API's list; its message is safe to show to the client. */
export class DomainError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.retryable = RETRYABLE.has(code);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Wraps anything thrown into a DomainError, hiding the details of unexpected ones. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new DomainError('INTERNAL_ERROR', 'Something went wrong on our side; nothing was changed.');
}
