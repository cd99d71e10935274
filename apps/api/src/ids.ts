import { randomBytes } from 'node:crypto';

/** Kinds of record, each with the prefix its ids carry (`ds_…`), so an id says what it names. */
const PREFIX = {
  workspace: 'ws',
  user: 'usr',
  token: 'tok',
  dataset: 'ds',
  scenario: 'sc',
  run: 'run',
  sweep: 'sw',
} as const;

/** A new id: the kind's prefix and 96 random bits, URL-safe. */
export function newId(kind: keyof typeof PREFIX): string {
  return `${PREFIX[kind]}_${randomBytes(12).toString('base64url')}`;
}
