import { TesseraError } from '@tessera/core';
import { transferHandlers, type TransferHandler } from 'comlink';

/** What comlink's own 'throw' handler puts on the wire, plus the error's code. */
interface SerializedThrow {
  isError: boolean;
  value: unknown;
}

interface SerializedError {
  message: string;
  name: string;
  stack?: string | undefined;
  code?: string | undefined;
}

const KEEPS_CODE = Symbol.for('tessera.comlink.throwKeepsCode');

/**
 * Makes errors thrown inside a worker arrive with their `code`: comlink's default 'throw'
 * handler keeps only message, name and stack, so a `TesseraError('UNKNOWN_PLUGIN', …)` would
 * reach the caller as a bare Error. Registered on both sides (the pool and the exposed worker);
 * comlink's handler table is per realm, so calling it again is a no-op.
 */
export function registerErrorTransfer(): void {
  const original = transferHandlers.get('throw');
  if (!original || KEEPS_CODE in original) return;
  const handler: TransferHandler<unknown, SerializedThrow> & { [KEEPS_CODE]: true } = {
    [KEEPS_CODE]: true,
    canHandle: (value: unknown): value is unknown => original.canHandle(value),
    serialize(thrown) {
      const value = (thrown as { value: unknown }).value;
      if (!(value instanceof Error)) return [{ isError: false, value }, []];
      const code = (value as { code?: unknown }).code;
      const serialized: SerializedError = {
        message: value.message,
        name: value.name,
        stack: value.stack,
        code: typeof code === 'string' ? code : undefined,
      };
      return [{ isError: true, value: serialized }, []];
    },
    deserialize(serialized) {
      if (!serialized.isError) throw serialized.value;
      const { message, name, stack, code } = serialized.value as SerializedError;
      const error =
        name === 'TesseraError' && code !== undefined
          ? new TesseraError(code, message)
          : Object.assign(new Error(message), code === undefined ? {} : { code });
      error.name = name;
      if (stack !== undefined) error.stack = stack;
      throw error;
    },
  };
  transferHandlers.set('throw', handler);
}
