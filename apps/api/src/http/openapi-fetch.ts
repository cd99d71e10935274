import { TRPCError, type AnyTRPCRouter } from '@trpc/server';
import {
  createOpenApiNodeHttpHandler,
  type CreateOpenApiNodeHttpHandlerOptions,
} from 'trpc-to-openapi';
import type { NodeHTTPRequest } from 'trpc-to-openapi';
import type { NodeHTTPResponse } from '@trpc/server/adapters/node-http';

type Options<TContext> = Omit<
  CreateOpenApiNodeHttpHandlerOptions<AnyTRPCRouter, NodeHTTPRequest, NodeHTTPResponse>,
  'createContext' | 'router'
> & {
  router: AnyTRPCRouter;
  /** Where the REST paths are mounted (`/api`): stripped before the procedures' paths match. */
  endpoint: `/${string}`;
  createContext: (req: Request, extra: TContext) => unknown;
};

/**
 * trpc-to-openapi's fetch adapter, with its handler made once rather than per request: the
 * library's own `createOpenApiFetchHandler` rebuilds every procedure's path pattern on every
 * call, which was a few percent of each read under load. Requests reach the node-http handler
 * as a proxy of the fetch `Request`, as the library's adapter hands them over.
 */
export function createOpenApiFetchBridge<TContext>(
  options: Options<TContext>,
): (req: Request, extra: TContext) => Promise<Response> {
  const extras = new WeakMap<object, { req: Request; extra: TContext }>();
  const handle = createOpenApiNodeHttpHandler({
    ...options,
    createContext: ({ req }: { req: object }) => {
      const entry = extras.get(req);
      if (!entry) throw new Error('openapi bridge: a request without its context');
      return options.createContext(entry.req, entry.extra);
    },
  } as CreateOpenApiNodeHttpHandlerOptions<AnyTRPCRouter, NodeHTTPRequest, NodeHTTPResponse>);

  return async (req, extra) => {
    const url = req.url.replace(options.endpoint, '');
    const body = await readBody(req);
    const proxy = new Proxy(req, {
      get: (target, prop) => {
        if (prop === 'url') return url;
        if (prop === 'body') {
          if (!body.ok) {
            throw new TRPCError({
              code: 'PARSE_ERROR',
              message: 'Failed to parse request body',
              cause: body.cause,
            });
          }
          return body.data;
        }
        return Reflect.get(target, prop) as unknown;
      },
    });
    extras.set(proxy, { req, extra });
    return new Promise<Response>((resolve) => {
      const headers = new Headers();
      let status = 200;
      const res = {
        setHeader: (key: string, value: string | readonly string[]) => {
          if (typeof value === 'string') headers.set(key, value);
          else for (const v of value) headers.append(key, v);
        },
        get statusCode() {
          return status;
        },
        set statusCode(code: number) {
          status = code;
        },
        end: (text?: string) => {
          resolve(new Response(text ?? null, { headers, status }));
        },
      };
      void handle(proxy as unknown as NodeHTTPRequest, res as unknown as NodeHTTPResponse);
    });
  };
}

type Body = { ok: true; data: unknown } | { ok: false; cause: unknown };

// As the library's adapter: JSON parsed with JSON.parse (Request.json() hides bad JSON),
// forms as lists of values, anything else handed over as the stream.
async function readBody(req: Request): Promise<Body> {
  const type = req.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) return { ok: true, data: JSON.parse(await req.text()) };
    if (type.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(await req.text());
      const data: Record<string, string[]> = {};
      for (const key of params.keys()) data[key] = params.getAll(key);
      return { ok: true, data };
    }
    return { ok: true, data: req.body };
  } catch (cause) {
    return { ok: false, cause };
  }
}
