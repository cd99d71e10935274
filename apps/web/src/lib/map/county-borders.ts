import type { MultiLineString } from 'geojson';

/**
 * Lines as deck.gl's binary path data: every vertex's lon, lat in one Float32Array and where
 * each line starts, so a PathLayer takes them without a per-line object.
 */
export interface BinaryPaths {
  length: number;
  startIndices: Uint32Array<ArrayBuffer>;
  positions: Float32Array<ArrayBuffer>;
}

export function binaryPaths(lines: MultiLineString): BinaryPaths {
  let vertices = 0;
  for (const line of lines.coordinates) vertices += line.length;
  const positions = new Float32Array(vertices * 2);
  const startIndices = new Uint32Array(lines.coordinates.length);
  let v = 0;
  lines.coordinates.forEach((line, i) => {
    startIndices[i] = v;
    for (const [x, y] of line) {
      positions[2 * v] = x!;
      positions[2 * v + 1] = y!;
      v++;
    }
  });
  return { length: lines.coordinates.length, startIndices, positions };
}

/** deck.gl's binary form of {@link BinaryPaths}; made once, as layers compare `data` by reference. */
export interface PathData {
  length: number;
  startIndices: Uint32Array;
  attributes: { getPath: { value: Float32Array; size: 2 } };
}

export function pathData(paths: BinaryPaths): PathData {
  return {
    length: paths.length,
    startIndices: paths.startIndices,
    attributes: { getPath: { value: paths.positions, size: 2 } },
  };
}

let pending: Promise<BinaryPaths> | undefined;

/**
 * The county borders, meshed in a worker (the page stays responsive) and shared by every map
 * on the page. A failed load is forgotten, so the next map asks again.
 */
export function loadCountyBorders(): Promise<BinaryPaths> {
  pending ??= new Promise<BinaryPaths>((resolve, reject) => {
    const worker = new Worker(new URL('./county-borders.worker.ts', import.meta.url), {
      type: 'module',
      name: 'tessera-county-borders',
    });
    worker.onmessage = (event: MessageEvent<BinaryPaths>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'the county borders worker failed'));
      worker.terminate();
    };
  }).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
