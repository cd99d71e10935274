import { TesseraError } from '@tessera/core';
import { expect } from 'vitest';

/** The code and message a promise rejects with; fails the test unless it is a TesseraError. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TesseraError);
  const { code, message } = error as TesseraError;
  return { code, message };
}
