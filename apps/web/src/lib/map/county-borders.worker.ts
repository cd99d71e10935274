import { countyBordersFrom, type CountiesTopology } from './basemap.ts';
import { binaryPaths } from './county-borders.ts';

// One job: mesh the county file and send the lines back as transferable arrays.
const { default: topology } = await import('us-atlas/counties-10m.json');
const paths = binaryPaths(countyBordersFrom(topology as unknown as CountiesTopology));
postMessage(paths, { transfer: [paths.positions.buffer, paths.startIndices.buffer] });
