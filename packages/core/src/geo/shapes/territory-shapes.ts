import type { Plan } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';
import type { BlockSet } from '../blocks/block-set.js';
import type { LocatedBlocks } from '../blocks/blocks-for-units.js';
import { blockTerritories } from '../blocks/block-territories.js';
import { locateAccounts } from '../blocks/locate-accounts.js';
import { blockShapes } from './block-shapes.js';
import type { PolygonRings } from './dissolve-cells.js';
import { voronoiShapes } from './voronoi-shapes.js';

export interface TerritoryShapeOptions {
  /**
   * Building blocks the plan was made of (counties, states, a boundaries file), alone or with
   * each account's block already found (`planBlocks`): each territory becomes the union of its
   * blocks, blocks without accounts joining the nearest territory (locked accounts are
   * exceptions: they do not claim their block). Without blocks, shapes are the
   * Voronoi cells of the accounts, dissolved per territory.
   */
  readonly blocks?: BlockSet | LocatedBlocks | null;
}

/**
 * The shape of every territory of a plan, as polygon lists (empty for a territory without
 * located accounts). Shapes of two territories never overlap: both constructions cut one
 * tiling (the blocks, or the Voronoi cells of the accounts) between the territories.
 */
export function territoryShapes(
  accounts: AccountTable,
  plan: Plan,
  options: TerritoryShapeOptions = {},
): PolygonRings[][] {
  const k = plan.territories.length;
  const { blocks } = options;
  if (!blocks) return voronoiShapes(accounts.lon, accounts.lat, plan.territoryOf, k);
  // Told apart by shape, not class: a plugin may bring its own copy of core.
  const { set, blockOfAccount } =
    'blockOfAccount' in blocks
      ? blocks
      : { set: blocks, blockOfAccount: locateAccounts(accounts.lon, accounts.lat, blocks).block };
  const territoryOfBlock = blockTerritories(
    set,
    blockOfAccount,
    plan.territoryOf,
    k,
    accounts.locked,
  );
  return blockShapes(set, territoryOfBlock, k);
}
