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

/** One line for the first issue of a failed parse: `edits[2].factor: Too small: …`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issuePath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
