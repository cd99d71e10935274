import type { BlockSet } from './block-set.js';
import { locateAccounts } from './locate-accounts.js';
import { usCounties, usStates } from './us-atlas.js';

/** `units` values that name bundled building blocks. */
const NAMED: Record<string, () => Promise<BlockSet>> = {
  county: usCounties,
  counties: usCounties,
  state: usStates,
  states: usStates,
};

/**
 * The building blocks a strategy's `units` parameter names: `county` or `state` (the bundled
 * US boundaries, loaded on first use), `blocks` (the dataset's own boundaries file), or nothing
 * given while the dataset has a boundaries file (then it is used). Null for an account column
 * or no units: the plan has no blocks, and its shapes are Voronoi cells.
 */
export async function blocksForUnits(
  units: unknown,
  datasetBlocks: BlockSet | null = null,
): Promise<BlockSet | null> {
  if (units === undefined || units === null) return datasetBlocks;
  if (typeof units !== 'string') return null;
  const name = units.trim().toLowerCase();
  if (name === 'blocks') return datasetBlocks;
  const named = NAMED[name];
  return named ? named() : null;
}

/** A human name for the blocks `units` names, for messages. */
export function unitsLabel(units: unknown): string {
  const name = typeof units === 'string' ? units.trim().toLowerCase() : '';
  if (name.startsWith('count')) return 'US counties';
  if (name.startsWith('state')) return 'US states';
  return 'the boundaries file';
}

/** Building blocks with every account of a table placed in one (`locateAccounts`). */
export interface LocatedBlocks {
  readonly set: BlockSet;
  readonly blockOfAccount: Int32Array;
}

/**
 * The blocks a plan was made of ({@link blocksForUnits} of its strategy's `units`), each account
 * placed in them, as metrics (`computeMetrics(…, { blocks })`) and shapes take them; null for
 * a plan of accounts.
 */
export async function planBlocks(
  accounts: { readonly lon: ArrayLike<number>; readonly lat: ArrayLike<number> },
  units: unknown,
  datasetBlocks: BlockSet | null = null,
): Promise<LocatedBlocks | null> {
  const set = await blocksForUnits(units, datasetBlocks);
  if (!set) return null;
  return { set, blockOfAccount: locateAccounts(accounts.lon, accounts.lat, set).block };
}
