import type { Position } from 'geojson';
import type { PolygonRings } from './dissolve-cells.js';

/** Planar area of polygons (outline minus holes), in squared coordinate units. */
export function polygonsArea(polygons: readonly PolygonRings[]): number {
  let area = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const a = Math.abs(ringArea(ring));
      area += r === 0 ? a : -a;
    });
  }
  return area;
}

export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum / 2;
}

/** Whether a point lies inside polygons (even-odd over every ring: holes excluded). */
export function polygonsContain(polygons: readonly PolygonRings[], x: number, y: number): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]! as [number, number];
        const [xj, yj] = ring[j]! as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
