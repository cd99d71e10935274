/** A GeoJSON FeatureCollection of building blocks, as a boundaries file holds them. */
export interface Tiling {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { NUTS_ID: string; NAME_LATN: string };
    geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  }[];
}

/**
 * An irregular tiling of `bbox` ([west, south, east, north]): a `columns` × `rows` grid whose
 * inner vertices are moved at random (seeded) by up to a quarter of a cell, so neighbours share
 * their vertices exactly and no quadrilateral crosses itself. Ids in `NUTS_ID` ("R<col>-<row>").
 */
export function jitteredTiling(
  bbox: readonly [number, number, number, number],
  columns: number,
  rows: number,
  seed = 1,
): Tiling {
  const [west, south, east, north] = bbox;
  const width = (east - west) / columns;
  const height = (north - south) / rows;
  let state = seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32: deterministic, good enough for jitter.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const vertex: [number, number][][] = [];
  for (let i = 0; i <= columns; i++) {
    vertex.push([]);
    for (let j = 0; j <= rows; j++) {
      const inner = i > 0 && i < columns && j > 0 && j < rows;
      const dx = inner ? (random() - 0.5) * 0.5 * width : 0;
      const dy = inner ? (random() - 0.5) * 0.5 * height : 0;
      vertex[i]!.push([west + i * width + dx, south + j * height + dy]);
    }
  }
  const features: Tiling['features'] = [];
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const ring = [
        vertex[i]![j]!,
        vertex[i + 1]![j]!,
        vertex[i + 1]![j + 1]!,
        vertex[i]![j + 1]!,
        vertex[i]![j]!,
      ];
      features.push({
        type: 'Feature',
        properties: { NUTS_ID: `R${i}-${j}`, NAME_LATN: `Region ${i}/${j}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
