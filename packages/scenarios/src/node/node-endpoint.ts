import type { Endpoint } from 'comlink';
// comlink ships this adapter's types as `node-adapter.d.ts` beside an `.mjs` file, where NodeNext
// resolution does not look for them; they are restated below. (An ambient `declare module`
// would not reach packages that compile these sources through the `@tessera/source` condition.)
// @ts-expect-error TS7016: the module has no types NodeNext can find.
import untypedNodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

/** A `worker_threads` Worker or MessagePort. */
export interface NodeEndpoint {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(type: string, listener: (value: unknown) => void): void;
  off(type: string, listener: (value: unknown) => void): void;
  start?: () => void;
}

/** comlink's adapter from a `worker_threads` endpoint to the Web `Endpoint` comlink speaks. */
export const nodeEndpoint = untypedNodeEndpoint as (endpoint: NodeEndpoint) => Endpoint;
