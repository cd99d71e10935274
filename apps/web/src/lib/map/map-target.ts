import type { PickingInfo } from '@deck.gl/core';
import type { AccountPoints } from './account-points.ts';
import { LAYER } from './map-layers.ts';
import type { TerritoryShapes } from './types.ts';

/** What the pointer is over, in the map's own indexes. */
export type MapTarget =
  | { kind: 'account'; index: number; moved: boolean }
  | { kind: 'rep'; index: number }
  | { kind: 'territory'; index: number };

/**
 * Turns a deck.gl pick into an account, rep or territory. Point layers pick by point index,
 * which `rowOf` turns into the account index; shapes name their territory by id.
 */
export function mapTarget(
  info: Pick<PickingInfo, 'index' | 'layer' | 'object'>,
  sources: {
    points: AccountPoints;
    moved: AccountPoints | null;
    territoryIndex: ReadonlyMap<string, number>;
  },
): MapTarget | null {
  if (info.index < 0 || !info.layer) return null;
  switch (info.layer.id) {
    case LAYER.accounts: {
      const index = sources.points.rowOf[info.index];
      return index === undefined ? null : { kind: 'account', index, moved: false };
    }
    case LAYER.moved: {
      const index = sources.moved?.rowOf[info.index];
      return index === undefined ? null : { kind: 'account', index, moved: true };
    }
    case LAYER.reps:
      return { kind: 'rep', index: info.index };
    case LAYER.shapes: {
      const feature = info.object as TerritoryShapes['features'][number] | undefined;
      const index = feature ? sources.territoryIndex.get(feature.properties.id) : undefined;
      return index === undefined ? null : { kind: 'territory', index };
    }
    default:
      return null;
  }
}
