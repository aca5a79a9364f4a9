/** Stable error codes; the server maps them to HTTP statuses. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'UNIQUE_VIOLATION'
  | 'IN_USE'
  | 'STALE'
  | 'CONFLICT'
  | 'EVENT_FAILED'
  | 'DEPTH_LIMIT';

export type ErrorDetail = { field: string; reason: string };

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  UNIQUE_VIOLATION: 409,
  IN_USE: 409,
  STALE: 409,
  CONFLICT: 409,
  EVENT_FAILED: 422,
  DEPTH_LIMIT: 422,
};

/** An error a user can act on: a stable code, a message, and where it applies the failing fields or run. */
export class WhenThenError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly executionId?: string,
  ) {
    super(message);
    this.name = 'WhenThenError';
    this.status = STATUS[code];
  }
}

export function validationError(details: ErrorDetail[], message?: string): WhenThenError {
  return new WhenThenError(
    'VALIDATION_FAILED',
    message ?? details.map((d) => `${d.field}: ${d.reason}`).join('; '),
    details,
  );
}

export function notFound(what: string): WhenThenError {
  return new WhenThenError('NOT_FOUND', `${what} not found`);
}
