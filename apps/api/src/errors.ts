import { TRPCError } from '@trpc/server';

/** What went wrong, as programs branch on it; each maps to one HTTP status. */
export const ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID: 422,
  LIMIT: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error services throw on purpose; the message is safe to show the caller. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string, id: string): ApiError =>
  new ApiError('NOT_FOUND', `${what} "${id}" not found`);

const TRPC_CODE = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INVALID: 'UNPROCESSABLE_CONTENT',
  LIMIT: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<ErrorCode, TRPCError['code']>;

/** A service error as tRPC throws it, the original kept as the cause for the error formatter. */
export function toTrpcError(error: ApiError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

const FROM_TRPC: Partial<Record<TRPCError['code'], ErrorCode>> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNPROCESSABLE_CONTENT: 'INVALID',
  BAD_REQUEST: 'INVALID',
  PARSE_ERROR: 'INVALID',
  TOO_MANY_REQUESTS: 'LIMIT',
};

/** The body every error response has, over REST and in tRPC's error data. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * Any error as the caller may see it: a service error as it was thrown, tRPC's own (bad input,
 * unknown path) with its message, anything else as a generic 500 that leaks no internals.
 */
export function errorBody(error: unknown): ErrorBody {
  const cause = error instanceof TRPCError ? error.cause : undefined;
  const api = error instanceof ApiError ? error : cause instanceof ApiError ? cause : null;
  if (api) return withDetails({ code: api.code, message: api.message }, api.details);
  if (error instanceof TRPCError) {
    const code = FROM_TRPC[error.code];
    if (code) return { code, message: error.message };
  }
  return { code: 'INTERNAL', message: 'internal error: the server logged it' };
}

function withDetails(body: ErrorBody, details: unknown): ErrorBody {
  return details === undefined ? body : { ...body, details };
}
