import { MAX_COMPARED } from '@tessera/scenarios';

/** The URL parameter holding the compared scenarios, first (the reference) first: `?s=id1,id2`. */
export const SELECTION_PARAM = 's';

export const MIN_COMPARED = 2;

export interface Selection {
  /** Scenario ids in order, without repeats; may hold fewer than two while a planner picks. */
  ids: string[];
  /** What is wrong with the parameter, in words; null when it names 2 to 4 scenarios. */
  problem: string | null;
}

/** The selection a shared link holds. Repeats are dropped; more than four is an error. */
export function parseSelection(param: string | null): Selection {
  const ids: string[] = [];
  for (const raw of (param ?? '').split(',')) {
    const id = raw.trim();
    if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  if (ids.length > MAX_COMPARED) {
    return {
      ids: ids.slice(0, MAX_COMPARED),
      problem: `The link names ${String(ids.length)} scenarios; a comparison takes ${String(MIN_COMPARED)} to ${String(MAX_COMPARED)}. The first ${String(MAX_COMPARED)} are shown.`,
    };
  }
  if (ids.length < MIN_COMPARED) {
    return {
      ids,
      problem:
        ids.length === 0
          ? null
          : `Pick at least ${String(MIN_COMPARED - ids.length)} more scenario to compare with.`,
    };
  }
  return { ids, problem: null };
}

/** The link to a comparison of these scenarios, in this order. */
export function compareHref(ids: readonly string[]): string {
  if (ids.length === 0) return '/compare';
  // Ids are `sc_…` (no commas); encoded all the same so a link never breaks.
  return `/compare?${SELECTION_PARAM}=${ids.map(encodeURIComponent).join(',')}`;
}

/** Adds or removes a scenario, keeping the order the planner picked them in. */
export function toggleSelected(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  if (ids.length >= MAX_COMPARED) return [...ids];
  return [...ids, id];
}

/** Moves a scenario to the front: it becomes the one every delta is measured against. */
export function makeReference(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [id, ...ids.filter((x) => x !== id)] : [...ids];
}
