import {
  blockTerritories,
  blocksForUnits,
  locateAccounts,
  TesseraError,
  unitsLabel,
  type AccountTable,
  type BlockSet,
} from '@tessera/core';
import { unitGroups, type UnitGroups } from './units.js';

/** Building blocks in use: the set and each account's block. */
export interface UsedBlocks {
  set: BlockSet;
  blockOf: Int32Array;
}

export interface ResolvedUnits {
  groups: UnitGroups | null;
  blocks: UsedBlocks | null;
  warnings: string[];
}

/**
 * The groups the `units` parameter asks for. `county` and `state` are the bundled US
 * boundaries; `blocks` (or no `units` at all, when the dataset came with a boundaries file) is
 * the dataset's own; anything else is an account column. Accounts are placed in blocks by
 * point-in-polygon; those outside every block go to the nearest one, with a warning.
 */
export async function resolveUnits(
  accounts: AccountTable,
  units: string | undefined,
  datasetBlocks: BlockSet | null,
): Promise<ResolvedUnits> {
  const set = await blocksForUnits(units, datasetBlocks);
  if (!set && units?.trim().toLowerCase() === 'blocks') {
    throw new TesseraError(
      'INVALID_PARAMS',
      'strategy "geographic": parameter "units" is "blocks" but the dataset has no boundaries file (CLI: --units-geojson file --units-id property; scenario: dataset.units)',
    );
  }
  const label = unitsLabel(units);
  if (!set) {
    return {
      groups: units === undefined ? null : unitGroups(accounts, units),
      blocks: null,
      warnings: [],
    };
  }
  const located = locateAccounts(accounts.lon, accounts.lat, set);
  const blocks = set;
  const warnings: string[] = [];
  if (located.nearest > 0) {
    warnings.push(
      `${located.nearest} ${located.nearest === 1 ? 'account lies' : 'accounts lie'} outside every block of ${label} and went to the nearest block`,
    );
  }
  return {
    groups: {
      codes: located.block,
      valueOf: (code) => {
        const name = blocks.names[code];
        return name ? `${blocks.ids[code]} (${name})` : (blocks.ids[code] ?? '');
      },
    },
    blocks: { set: blocks, blockOf: located.block },
    warnings,
  };
}

/**
 * How many locked accounts lie in a block that belongs to another territory (the exceptions a
 * map of the blocks does not show), as a warning, or null when there are none.
 */
export function exceptionsWarning(
  blocks: UsedBlocks,
  territoryOf: Int32Array,
  locks: Uint8Array,
  territoryCount: number,
): string | null {
  const owner = blockTerritories(blocks.set, blocks.blockOf, territoryOf, territoryCount, locks);
  let outside = 0;
  for (let i = 0; i < territoryOf.length; i++) {
    const b = blocks.blockOf[i]!;
    if (locks[i] !== 1 || b < 0 || territoryOf[i]! < 0) continue;
    if (owner[b] !== territoryOf[i]) outside++;
  }
  if (outside === 0) return null;
  return `${outside} locked ${outside === 1 ? 'account stays' : 'accounts stay'} with ${outside === 1 ? 'its rep' : 'their reps'} inside another territory's blocks (exceptions to the map)`;
}
