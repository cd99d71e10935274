import type {
  AnyTRPCProcedure,
  AnyTRPCRouter,
  TRPCBuiltRouter,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
  TRPCSubscriptionProcedure,
} from '@trpc/server';
import { appRouter, type AppRouter } from './routers/app-router.js';

/**
 * A procedure as a client sees it: input, output and error shape. The server's meta (OpenAPI
 * routes, whose type needs zod) is left out; clients never read it.
 */
type ClientProcedure<P> =
  P extends TRPCQueryProcedure<infer D>
    ? TRPCQueryProcedure<{
        input: D['input'];
        output: D['output'];
        meta: object;
        errorShape: D['errorShape'];
      }>
    : P extends TRPCMutationProcedure<infer D>
      ? TRPCMutationProcedure<{
          input: D['input'];
          output: D['output'];
          meta: object;
          errorShape: D['errorShape'];
        }>
      : P extends TRPCSubscriptionProcedure<infer D>
        ? TRPCSubscriptionProcedure<{
            input: D['input'];
            output: D['output'];
            meta: object;
            errorShape: D['errorShape'];
          }>
        : never;

/**
 * The router with the context (database, job queue, actor: the whole server) left out. The
 * return type is written inline rather than as a named alias on purpose: the declaration emit
 * then prints the `clientRouter` below in full (every input and output spelled out), where an
 * alias would be printed by name and drag `AppRouter`, and with it the server, along.
 */
function clientView<TRouter extends AnyTRPCRouter>(
  router: TRouter,
): TRPCBuiltRouter<
  {
    ctx: object;
    meta: object;
    errorShape: TRouter['_def']['_config']['$types']['errorShape'];
    transformer: TRouter['_def']['_config']['$types']['transformer'];
  },
  {
    [R in keyof TRouter['_def']['record']]: {
      [P in keyof TRouter['_def']['record'][R]]: ClientProcedure<TRouter['_def']['record'][R][P]>;
    };
  }
> {
  // The same router at run time: only its type is narrowed to what a client can use.
  return router as never;
}

/** The server's router, typed as a client may know it (the type is what matters: see below). */
export const clientRouter = clientView(appRouter);

/**
 * The router's type for clients (`@tessera/client`): every procedure's input and output, and
 * nothing of the server, so a client's bundled declarations stand on their own.
 */
export type ClientRouter = typeof clientRouter;

type Nothing<T extends never> = T;
type Entries<T> = T[keyof T];
/**
 * `clientView` maps resources to procedures, two levels: a router nested one level deeper would
 * lose its procedures in `ClientRouter`. This fails the typecheck instead.
 */
export type ResourcesHoldOnlyProcedures = Nothing<
  Exclude<
    Entries<{ [R in keyof AppRouter['_def']['record']]: Entries<AppRouter['_def']['record'][R]> }>,
    AnyTRPCProcedure
  >
>;
