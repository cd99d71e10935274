import { z } from 'zod';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * An output schema for a subscription: every value the generator yields is checked against
 * `item` on its way out (tRPC's recipe for validating async generators).
 */
export function asyncIterableOf<T extends z.ZodType>(item: T) {
  return z
    .custom<AsyncIterable<z.input<T>>>(isAsyncIterable, 'expected an async iterable')
    .transform(async function* (iterable): AsyncGenerator<z.output<T>, void, undefined> {
      for await (const value of iterable) yield await item.parseAsync(value);
    });
}
