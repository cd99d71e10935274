import type { AccountPoints } from './account-points.ts';
import { colourTerritories } from './colour-territories.ts';
import { hexToRgba, SINGLE_COLOUR, TERRITORY_PALETTE, type Rgba } from './palette.ts';
import { territoryAdjacency } from './territory-adjacency.ts';
import type { MapAccounts } from './types.ts';

/**
 * A colour for each of `territoryCount` territories, neighbours apart (see
 * {@link colourTerritories}). A lone territory ("all accounts", when there is no plan) gets
 * the single-colour blue: there is nothing to tell it apart from.
 */
export function territoryColours(
  accounts: MapAccounts,
  points: AccountPoints,
  territoryCount: number,
): Rgba[] {
  if (territoryCount === 0) return [];
  if (territoryCount === 1) return [hexToRgba(SINGLE_COLOUR)];
  const adjacency = territoryAdjacency(accounts, territoryCount, points.bounds);
  const index = colourTerritories(adjacency, TERRITORY_PALETTE.length);
  return Array.from(index, (i) => hexToRgba(TERRITORY_PALETTE[i]!));
}

/** `rgb(…)` for CSS (legend swatches, the inspector). */
export function cssColour([r, g, b]: Rgba): string {
  return `rgb(${r} ${g} ${b})`;
}
