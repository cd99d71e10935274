import { describeZodError, type ZodIssueContext } from '@tessera/core';
import type { z } from 'zod';

/** Where a zod issue points, written the way a person reads JSON: `edits[2].factor`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * One line for a failed parse, in plain words (core's {@link describeZodError}):
 * `edits[2].factor: must be at least 0, got -1`, `edits[0]: unknown key "acounts" (did you mean
 * "accounts"?)`. With the parsed `input` and its `schema` it can say what was got and suggest
 * the key meant; `prefix` is where the parsed value sits in a larger document.
 */
export function describeIssue(
  error: z.ZodError,
  context: ZodIssueContext = {},
  prefix: readonly PropertyKey[] = [],
): string {
  const problem = describeZodError(error, context);
  const where = issuePath([...prefix, ...problem.path]);
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}
