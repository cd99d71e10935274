import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

/** A closed square ring with its lower-left corner at (x, y). */
export function square(x: number, y: number, size: number): Position[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

/**
 * A `columns` × `rows` grid of square cells from (x0, y0), as GeoJSON features with a `CODE`
 * property `c{column}r{row}`, numbered row by row.
 */
export function gridCollection(
  columns: number,
  rows: number,
  x0 = 5,
  y0 = 45,
  size = 0.5,
): FeatureCollection<Polygon, { CODE: string }> {
  const features: Feature<Polygon, { CODE: string }>[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      features.push({
        type: 'Feature',
        properties: { CODE: `c${column}r${row}` },
        geometry: {
          type: 'Polygon',
          coordinates: [square(x0 + column * size, y0 + row * size, size)],
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
