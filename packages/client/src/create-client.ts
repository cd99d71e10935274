import type { ClientRouter } from '@tessera/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import {
  uploadDataset,
  withSlash,
  type UploadDatasetInput,
  type UploadedDataset,
} from './upload-dataset.js';
import { waitForRun, type WaitForRunOptions } from './wait-for-run.js';

/**
 * The server's router as clients see it: every procedure's input, output and error shape, and
 * nothing of the server. For other tRPC tools: `createTRPCClient<TesseraRouter>(…)`.
 */
export type TesseraRouter = ClientRouter;

/** Every procedure's input, by path: `RouterInputs['scenarios']['create']`. */
export type RouterInputs = inferRouterInputs<TesseraRouter>;
/** Every procedure's output, by path: `RouterOutputs['runs']['get']`. */
export type RouterOutputs = inferRouterOutputs<TesseraRouter>;
/** A run as `runs.get` returns it. */
export type Run = RouterOutputs['runs']['get'];

export interface ClientOptions {
  /** The server, e.g. `http://127.0.0.1:3000` (a path prefix behind a proxy is kept). */
  url: string;
  /** An API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** A `fetch` to use instead of the global one (a proxy agent, a test double). */
  fetch?: typeof fetch | undefined;
}

/** What the client adds to the procedures: the calls tRPC cannot carry or that take a loop. */
export interface ClientHelpers {
  /** Uploads accounts, reps and an optional baseline plan as a new dataset (`POST /api/datasets`). */
  uploadDataset: (
    input: UploadDatasetInput,
    options?: { signal?: AbortSignal | undefined },
  ) => Promise<UploadedDataset>;
  /** Resolves with the run once it is done; rejects with `RunFailedError` if it fails or is cancelled. */
  waitForRun: (runId: string, options?: WaitForRunOptions<Run>) => Promise<Run>;
}

/** Every procedure (`client.scenarios.create.mutate(…)`) and the helpers. */
export type TesseraClient = TRPCClient<TesseraRouter> & ClientHelpers;

/**
 * A client for a Tessera server: the tRPC procedures typed by the server's router (types only:
 * no server code is bundled) and the helpers for uploads and waiting on runs.
 */
export function createClient(options: ClientOptions): TesseraClient {
  const target = {
    url: options.url,
    token: options.token,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  };
  const trpc = createTRPCClient<TesseraRouter>({
    links: [
      httpBatchLink({
        url: new URL('trpc', withSlash(options.url)).href,
        headers: { authorization: `Bearer ${options.token}` },
        fetch: target.fetch,
      }),
    ],
  });
  const helpers: ClientHelpers = {
    uploadDataset: (input, uploadOptions) => uploadDataset(target, input, uploadOptions),
    waitForRun: (runId, waitOptions) =>
      waitForRun(
        (id, signal) => trpc.runs.get.query({ runId: id }, { signal }),
        runId,
        waitOptions,
      ),
  };
  // The tRPC client is a proxy that answers every property with a procedure path; the helpers'
  // names come first (no router is named after them: see the check below).
  return new Proxy(trpc, {
    get: (target_, key, receiver): unknown =>
      Object.hasOwn(helpers, key)
        ? helpers[key as keyof ClientHelpers]
        : (Reflect.get(target_, key, receiver) as unknown),
  }) as TesseraClient;
}

type Nothing<T extends never> = T;
/** A router named like a helper would be hidden by it: this fails the build instead. */
export type HelpersHideNoRouter = Nothing<
  Extract<keyof TesseraRouter['_def']['record'], keyof ClientHelpers>
>;
