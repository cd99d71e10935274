/**
 * Which scenario of a dataset the workspace adopted. The API stores scenarios in the scenario
 * format, which is strict (no tags, no free fields): the one field open to words is
 * `description`, so adoption is a first line of it, readable as it stands in the API, the CLI
 * and a scenario file: `Adopted on 2026-12-03 over "Base", "West push".` Adopting one scenario
 * takes the line off the others of its dataset.
 */

const LINE = /^Adopted on (\d{4}-\d{2}-\d{2})(?: over (.*?))?\.?$/;

export interface Adoption {
  /** The day it was adopted, YYYY-MM-DD. */
  on: string;
  /** The line as stored. */
  line: string;
}

/** The adoption a description records, or null. */
export function adoptionOf(description: string | undefined): Adoption | null {
  const first = description?.split('\n', 1)[0]?.trim() ?? '';
  const match = LINE.exec(first);
  return match ? { on: match[1]!, line: first } : null;
}

/** The description with an adoption line first (replacing an older one). */
export function withAdoption(
  description: string | undefined,
  on: Date,
  over: readonly string[],
): string {
  const day = on.toISOString().slice(0, 10);
  const others = over.map((name) => `"${name.replaceAll('"', "'").replaceAll('\n', ' ')}"`);
  const line = `Adopted on ${day}${others.length ? ` over ${others.join(', ')}` : ''}.`;
  const rest = withoutAdoption(description);
  return rest === undefined ? line : `${line}\n${rest}`;
}

/** The description without its adoption line; undefined when nothing else is left. */
export function withoutAdoption(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  if (!adoptionOf(description)) return description;
  const rest = description.split('\n').slice(1).join('\n');
  return rest.trim() === '' ? undefined : rest;
}
