// Small helpers for the builder's plain-JSON values, which are always replaced, never mutated.

/** A copy of `record` with `key` set to `value`, or left out when `value` is undefined. */
export function withKey<T extends Record<string, unknown>>(
  record: T,
  key: string,
  value: unknown,
): T {
  const { [key]: _dropped, ...rest } = record;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/** A value as a control shows it: text as it is, anything else as JSON. */
export function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
