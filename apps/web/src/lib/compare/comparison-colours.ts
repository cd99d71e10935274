import { accountPoints } from '../map/account-points.ts';
import { colourTerritories } from '../map/colour-territories.ts';
import { hexToRgba, TERRITORY_PALETTE, type Rgba } from '../map/palette.ts';
import { territoryAdjacency } from '../map/territory-adjacency.ts';
import { territoryColours } from '../map/territory-colours.ts';
import type { MapAccounts, MapTerritory } from '../map/types.ts';

/** What colouring a comparison's map needs of it. */
export interface ColouredMap {
  accounts: MapAccounts;
  territories: readonly MapTerritory[];
}

/**
 * The territory colours of every map in a comparison. The first map is coloured as a lone map
 * is; on the others a territory the first map has (same id) keeps its colour there, so the eye
 * follows a territory from map to map and a change of colour means a different territory. The
 * rest take colours their neighbours leave free, as on any map.
 */
export function comparisonColours(maps: readonly ColouredMap[]): Rgba[][] {
  let reference: Map<string, number> | null = null;
  return maps.map(({ accounts, territories }) => {
    const points = accountPoints(accounts);
    if (territories.length <= 1) return territoryColours(accounts, points, territories.length);
    const adjacency = territoryAdjacency(accounts, territories.length, points.bounds);
    const kept = reference;
    const fixed = kept ? territories.map((t) => kept.get(t.id) ?? -1) : undefined;
    const index = colourTerritories(adjacency, TERRITORY_PALETTE.length, fixed);
    reference ??= new Map(territories.map((t, i) => [t.id, index[i]!]));
    return Array.from(index, (i) => hexToRgba(TERRITORY_PALETTE[i]!));
  });
}
