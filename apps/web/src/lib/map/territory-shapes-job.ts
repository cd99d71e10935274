import {
  ACCOUNT_CATEGORIES,
  ACCOUNT_MEASURES,
  AccountTable,
  Plan,
  planBlocks,
  territoriesToGeoJSON,
  type AccountMeasure,
  type AccountTableData,
  type TerritoryFeatureProperties,
  type TerritoryGeometry,
} from '@tessera/core';
import type { ScenarioRun } from '@tessera/scenarios';
import type { FeatureCollection } from 'geojson';

/** A run's territory shapes as the map draws them and territories.geojson holds them. */
export type TerritoryCollection = FeatureCollection<TerritoryGeometry, TerritoryFeatureProperties>;

/**
 * What drawing a run's shapes needs, and no more: the columns the shapes and the features'
 * properties read, the plan, and the strategy's `units` (which building blocks it planned on).
 * Small enough to copy to a worker (~3 MB at 100k accounts) without a long main-thread task.
 */
export interface ShapesRequest {
  lon: Float64Array;
  lat: Float64Array;
  workload: Float64Array;
  territoryOf: Int32Array;
  territories: { id: string; name: string; repId: string | null }[];
  units: unknown;
}

/** The request for a finished run: its edited accounts' columns and its plan, as they are. */
export function shapesRequest(run: ScenarioRun): ShapesRequest {
  const { accounts } = run.edited;
  return {
    lon: accounts.lon,
    lat: accounts.lat,
    workload: accounts.workload,
    territoryOf: run.plan.territoryOf,
    territories: run.plan.territories.map((t) => ({ id: t.id, name: t.name, repId: t.repId })),
    units: run.scenario.strategy.params['units'],
  };
}

/** What the shapes worker exposes (comlink). */
export interface ShapesWorkerApi {
  shapes(request: ShapesRequest): Promise<TerritoryCollection>;
}

/**
 * The request with its columns copied into buffers of their own, listed for transfer: the
 * run's columns are views into the decoded dataset's buffers, which a structured clone would
 * copy whole (100–200 ms on the page's thread at 100k accounts, against ~2 ms for the slices).
 */
export function transferableRequest(request: ShapesRequest): {
  request: ShapesRequest;
  transfer: ArrayBuffer[];
} {
  const lon = request.lon.slice();
  const lat = request.lat.slice();
  const workload = request.workload.slice();
  const territoryOf = request.territoryOf.slice();
  return {
    request: { ...request, lon, lat, workload, territoryOf },
    transfer: [lon.buffer, lat.buffer, workload.buffer, territoryOf.buffer],
  };
}

/**
 * The run's territories as core draws them for territories.geojson: unions of US counties or
 * states when the strategy planned on them, else the accounts' Voronoi cells dissolved. Seconds
 * of work at 100k accounts: meant for a worker (see `territory-shapes.worker.ts`).
 */
export async function territoryShapesOf(request: ShapesRequest): Promise<TerritoryCollection> {
  const accounts = slimAccounts(request);
  // Web datasets carry no boundaries file of their own: only the named US blocks apply.
  const blocks = await planBlocks(accounts, request.units, null);
  const plan = new Plan(request.territoryOf, request.territories);
  return territoriesToGeoJSON(accounts, plan, { blocks });
}

/**
 * An account table holding only what the shapes read (places and workload); every other column
 * empty, so the worker is sent three columns rather than the whole table.
 */
export function slimAccounts({ lon, lat, workload }: ShapesRequest): AccountTable {
  const n = lon.length;
  const missing = new Float64Array(n).fill(Number.NaN);
  const measures = Object.fromEntries(ACCOUNT_MEASURES.map((m) => [m, missing])) as Record<
    AccountMeasure,
    Float64Array
  >;
  measures.lon = lon;
  measures.lat = lat;
  measures.workload = workload;
  const noCodes = new Int32Array(n).fill(-1);
  const categories = Object.fromEntries(
    ACCOUNT_CATEGORIES.map((c) => [c, { codes: noCodes, dictionary: [] as string[] }]),
  ) as AccountTableData['categories'];
  const data: AccountTableData = {
    kind: 'accounts',
    // Empty ids and names: n + 1 zero offsets into no bytes.
    id: { bytes: new Uint8Array(0), offsets: new Uint32Array(n + 1) },
    name: { bytes: new Uint8Array(0), offsets: new Uint32Array(n + 1) },
    measures,
    categories,
    locked: new Uint8Array(n),
    skillsRequired: { offsets: new Uint32Array(n + 1), codes: new Int32Array(0), dictionary: [] },
    attributes: [],
  };
  return new AccountTable(data);
}
