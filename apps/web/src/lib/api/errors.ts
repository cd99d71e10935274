import { TRPCClientError } from '@trpc/client';
import { RestError } from './rest.ts';

/** A failed API call as the planner's pages handle it. */
export interface ApiProblem {
  /** The server's code (`INVALID`, `CONFLICT`, …), `NETWORK` when it did not answer. */
  code: string;
  /** HTTP status; null when the server did not answer. */
  status: number | null;
  /** One or two sentences a planner understands, saying what to do next where there is something. */
  message: string;
  /** The server's `details` (for a rejected CSV, `issues` with file, line, column, value, reason). */
  details: unknown;
}

interface ApiErrorShape {
  code: string;
  message: string;
  details?: unknown;
}

/** Any error from `trpc.*` or a REST call, as an {@link ApiProblem}. */
export function describeError(error: unknown): ApiProblem {
  if (error instanceof RestError) {
    return problem(error.code, error.status, error.message, error.details);
  }
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number; api?: ApiErrorShape } | undefined;
    const api = data?.api;
    if (api && typeof api.code === 'string') {
      return problem(api.code, data.httpStatus ?? null, api.message, api.details);
    }
    // No data: the request never reached the server, or the answer was not tRPC's.
    if (data?.httpStatus === undefined) return unreachable();
    return problem('HTTP_' + String(data.httpStatus), data.httpStatus, error.message, undefined);
  }
  if (error instanceof TypeError) return unreachable();
  return problem('INTERNAL', null, error instanceof Error ? error.message : String(error), null);
}

/** The HTTP status of a failed call, or null. */
export function errorStatus(error: unknown): number | null {
  return describeError(error).status;
}

function unreachable(): ApiProblem {
  return {
    code: 'NETWORK',
    status: null,
    message:
      'The Tessera server did not answer. Check that it is running and your connection, then try again.',
    details: undefined,
  };
}

function problem(code: string, status: number | null, raw: string, details: unknown): ApiProblem {
  return { code, status, message: plainMessage(code, raw), details };
}

/** The server's message, which says what and where, with what to do next for the general cases. */
function plainMessage(code: string, raw: string): string {
  const text = sentence(raw);
  switch (code) {
    case 'FORBIDDEN':
      return `You are not allowed to do this: ${lower(text)} Ask a workspace admin for access.`;
    case 'LIMIT':
      return `The server is busy with your earlier requests: ${lower(text)} Wait a moment and try again.`;
    case 'PAYLOAD_TOO_LARGE':
      return `${text} Split the file or ask your admin to raise the limit.`;
    case 'INTERNAL':
      return 'Something went wrong on the server; it has logged the details. Try again, and tell your admin if it keeps happening.';
    default:
      return text;
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'The server refused the request without saying why.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
