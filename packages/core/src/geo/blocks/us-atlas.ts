import type { Topology } from 'topojson-specification';
import type { BlockSet } from './block-set.js';
import { blocksFromTopology } from './blocks-from-topology.js';

/**
 * The 3,231 US counties and county equivalents of us-atlas (Census 1:10m cartographic boundaries),
 * ids the 5-digit FIPS code (`17031` Cook County, IL): the first two digits are the state's.
 */
export const usCounties = cachedBlocks(
  () => import('us-atlas/counties-10m.json', { with: { type: 'json' } }),
  'counties',
);

/** The US states and territories of us-atlas, ids the 2-digit FIPS code (`17` Illinois). */
export const usStates = cachedBlocks(
  () => import('us-atlas/states-10m.json', { with: { type: 'json' } }),
  'states',
);

/** The 2-digit state FIPS code of a 5-digit county FIPS code. */
export function stateFipsOfCounty(countyFips: string): string {
  return countyFips.slice(0, 2);
}

// The us-atlas files are large (counties ≈ 0.8 MB of TopoJSON, ~0.25 s to read and convert): each
// is imported only when first asked for, then kept, so code that never uses blocks never pays.
// A failed load is forgotten, so the next call tries again.
function cachedBlocks(
  read: () => Promise<{ default: unknown }>,
  object: string,
): () => Promise<BlockSet> {
  let blocks: Promise<BlockSet> | undefined;
  return () => {
    blocks ??= read()
      .then(({ default: topology }) => blocksFromTopology(topology as Topology, object))
      .catch((error: unknown) => {
        blocks = undefined;
        throw error;
      });
    return blocks;
  };
}
