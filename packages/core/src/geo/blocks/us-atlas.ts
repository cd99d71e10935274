import type { Topology } from 'topojson-specification';
import type { BlockSet } from './block-set.js';
import { blocksFromTopology } from './blocks-from-topology.js';

// The us-atlas files are large (counties ≈ 0.8 MB of TopoJSON, ~40 ms to read): they are imported
// only when first asked for, then kept, so code that never uses blocks never pays for them.
let counties: Promise<BlockSet> | undefined;
let states: Promise<BlockSet> | undefined;

/**
 * The 3,231 US counties and county equivalents of us-atlas (Census 1:10m cartographic boundaries),
 * ids the 5-digit FIPS code (`17031` Cook County, IL): the first two digits are the state's.
 */
export function usCounties(): Promise<BlockSet> {
  counties ??= load(
    () => import('us-atlas/counties-10m.json', { with: { type: 'json' } }),
    'counties',
  ).catch((error: unknown) => {
    counties = undefined;
    throw error;
  });
  return counties;
}

/** The US states and territories of us-atlas, ids the 2-digit FIPS code (`17` Illinois). */
export function usStates(): Promise<BlockSet> {
  states ??= load(
    () => import('us-atlas/states-10m.json', { with: { type: 'json' } }),
    'states',
  ).catch((error: unknown) => {
    states = undefined;
    throw error;
  });
  return states;
}

async function load(read: () => Promise<{ default: unknown }>, object: string): Promise<BlockSet> {
  const { default: topology } = await read();
  return blocksFromTopology(topology as Topology, object);
}

/** The 2-digit state FIPS code of a 5-digit county FIPS code. */
export function stateFipsOfCounty(countyFips: string): string {
  return countyFips.slice(0, 2);
}
