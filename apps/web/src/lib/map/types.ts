import type { FeatureCollection, Geometry } from 'geojson';

/**
 * Accounts as the map takes them: one entry per account in each column, the same order as the
 * dataset's account table, so an index from picking is an account index everywhere.
 */
export interface MapAccounts {
  count: number;
  /** WGS84 degrees; NaN where the account has no location (it is left off the map). */
  lon: Float64Array;
  lat: Float64Array;
  /** Index into the map's `territories`, or -1 for an unassigned account. */
  territory: Int32Array;
  /** Workload (or whatever the planner balances on): shown in the tooltip and summed per territory. */
  weight?: Float64Array | undefined;
}

export interface MapTerritory {
  id: string;
  name: string;
  repName?: string | undefined;
}

export interface MapRep {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** Index of the territory the rep leads, so the marker wears its colour. */
  territory?: number | undefined;
}

/** What a click picked: an account or a territory, each by its index. */
export type MapSelection =
  { kind: 'account'; index: number } | { kind: 'territory'; index: number };

/** The camera, shared between maps that show the same place (the compare view binds one). */
export interface MapViewState {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing?: number;
  pitch?: number;
}

/** An account's words for the tooltip and inspector; the columns themselves hold only numbers. */
export interface AccountLabel {
  id: string;
  name?: string | undefined;
}

/** Territory shapes as GeoJSON; a feature names its territory by `properties.id`. */
export type TerritoryShapes = FeatureCollection<Geometry, { id: string }>;
