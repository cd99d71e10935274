import type { AnyTRPCProcedure } from '@trpc/server';
import { formatZodIssue } from '@tessera/core';
import type { z } from 'zod';
import { errorBody, type ErrorBody } from '../errors.js';
import { appRouter } from '../routers/app-router.js';
import type { Services } from '../services/services.js';
import { createOpenApiFetchBridge } from './openapi-fetch.js';
import { requestContext } from './request-context.js';

/**
 * The REST surface: the tRPC procedures that carry `openapi` meta, served under `/api`. Made
 * once per server, so the procedures' paths are matched without rebuilding them per request.
 */
export function createRestHandler(
  services: Services,
): (req: Request, requestId: string) => Promise<Response> {
  const bridge = createOpenApiFetchBridge<{ original: Request; requestId: string }>({
    endpoint: '/api',
    router: appRouter,
    createContext: (_req, { original, requestId }) => requestContext(services, original, requestId),
    onError: ({ error, path }) => {
      if (errorBody(error).code === 'INTERNAL') services.log.error(`rest ${path ?? '?'}`, error);
    },
    // trpc-to-openapi leaves `info.calls` empty, so the deprecated `paths` is the only way to
    // know which procedure answered.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    responseMeta: ({ paths, errors }) => {
      const status = errors.length === 0 ? successStatus(paths?.[0]) : undefined;
      return status ? { status } : {};
    },
  });
  return async (req, requestId) => {
    const response = await bridge(withJsonBody(req), { original: req, requestId });
    if (response.status < 400) return response;
    return errorResponse(
      restErrorBody(await response.json().catch(() => null), response.status),
      response.status,
      requestId,
    );
  };
}

/** `{ code, message, details?, requestId }`: the one error shape of every REST response. */
export function errorResponse(body: ErrorBody, status: number, requestId: string): Response {
  return Response.json({ ...body, requestId }, { status });
}

type ZodIssue = z.core.$ZodIssue;

interface RestError {
  message?: string;
  code?: string;
  issues?: ZodIssue[];
  data?: { api?: ErrorBody };
}

/**
 * curl and most clients send a POST that takes only path parameters (`…/runs`, `…/cancel`)
 * without a body or a content type, and trpc-to-openapi wants JSON on every POST: an empty
 * body is read as `{}`. A body that is there goes through untouched, whatever its type.
 */
function withJsonBody(req: Request): Request {
  if (req.method === 'GET' || req.method === 'HEAD') return req;
  const type = req.headers.get('content-type');
  const length = req.headers.get('content-length');
  const empty = (length === null || length === '0') && !req.headers.has('transfer-encoding');
  if (!empty || (type !== null && !type.startsWith('application/json'))) return req;
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(req.url, { method: req.method, headers, body: '{}', signal: req.signal });
}

function restErrorBody(raw: unknown, status: number): ErrorBody {
  const body = (raw ?? {}) as RestError;
  if (status === 415) {
    return { code: 'INVALID', message: 'send the body as JSON (Content-Type: application/json)' };
  }
  if (body.issues) {
    // zod's own wording ("Too small: expected string to have >=1 characters") in plain words
    const issues = body.issues.map((i) => ({
      path: i.path.map(String),
      message: formatZodIssue(i),
    }));
    return {
      code: 'INVALID',
      message: `invalid input: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
      details: { issues },
    };
  }
  if (body.data?.api) return body.data.api;
  if (body.code === 'NOT_FOUND') return { code: 'NOT_FOUND', message: body.message ?? 'not found' };
  return errorBody(null);
}

/** 201 for creations, 202 for accepted jobs: the `status` a procedure's meta declares. */
function successStatus(path: string | undefined): number | undefined {
  if (!path) return undefined;
  const procedure = (appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)[
    path
  ];
  const meta = procedure?._def.meta as { status?: number } | undefined;
  return meta?.status;
}
