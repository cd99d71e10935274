import type { Plan } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';
import type { BlockSet } from '../blocks/block-set.js';
import { blockTerritories } from '../blocks/block-territories.js';
import { locateAccounts } from '../blocks/locate-accounts.js';
import { blockShapes } from './block-shapes.js';
import type { PolygonRings } from './dissolve-cells.js';
import { voronoiShapes } from './voronoi-shapes.js';

export interface TerritoryShapeOptions {
  /**
   * Building blocks the plan was made of (counties, states, a boundaries file): each territory
   * becomes the union of its blocks, blocks without accounts joining the nearest territory.
   * Without blocks, shapes are the Voronoi cells of the accounts, dissolved per territory.
   */
  readonly blocks?: BlockSet | null;
  /** Each account's block, when the caller already located them (`locateAccounts`). */
  readonly blockOfAccount?: Int32Array;
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
  const blockOf =
    options.blockOfAccount ?? locateAccounts(accounts.lon, accounts.lat, blocks).block;
  return blockShapes(blocks, blockTerritories(blocks, blockOf, plan.territoryOf, k), k);
}
