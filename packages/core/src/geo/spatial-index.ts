import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { greatCircleKm } from './great-circle.js';

/**
 * Nearest-neighbour queries on the sphere over a set of WGS84 points (rep home bases,
 * territory centres). Points without coordinates are left out; answers are the caller's
 * original indexes. Ties go to the lowest index, so results never depend on tree layout.
 */
export class GeoIndex {
  readonly size: number;
  readonly #tree: KDBush | null;
  readonly #original: Uint32Array;
  readonly #lat: ArrayLike<number>;
  readonly #lon: ArrayLike<number>;

  constructor(lat: ArrayLike<number>, lon: ArrayLike<number>) {
    this.#lat = lat;
    this.#lon = lon;
    const kept: number[] = [];
    for (let i = 0; i < lat.length; i++) {
      if (Number.isFinite(lat[i]) && Number.isFinite(lon[i])) kept.push(i);
    }
    this.size = kept.length;
    this.#original = Uint32Array.from(kept);
    if (kept.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new KDBush(kept.length);
    for (const i of kept) tree.add(lon[i]!, lat[i]!);
    this.#tree = tree.finish();
  }

  /** The index of the nearest point, or -1 when the index is empty. */
  nearest(lat: number, lon: number): number {
    if (!this.#tree) return -1;
    const [first] = around(this.#tree, lon, lat, 1);
    if (first === undefined) return -1;
    const best = this.#original[first]!;
    const bestKm = greatCircleKm(lat, lon, this.#lat[best]!, this.#lon[best]!);
    // Equal distances are common (reps sharing an office): collect every point at the best
    // distance and keep the one listed first.
    let chosen = best;
    for (const id of around(this.#tree, lon, lat, Infinity, bestKm + 1e-9)) {
      const candidate = this.#original[id]!;
      if (
        candidate < chosen &&
        greatCircleKm(lat, lon, this.#lat[candidate]!, this.#lon[candidate]!) <= bestKm
      ) {
        chosen = candidate;
      }
    }
    return chosen;
  }

  /** Up to `count` nearest points, nearest first (ties by index). */
  nearestK(lat: number, lon: number, count: number): number[] {
    if (!this.#tree || count <= 0) return [];
    const ids = around(this.#tree, lon, lat, count).map((id) => this.#original[id]!);
    const dist = new Map(
      ids.map((i) => [i, greatCircleKm(lat, lon, this.#lat[i]!, this.#lon[i]!)]),
    );
    return ids.sort((a, b) => dist.get(a)! - dist.get(b)! || a - b);
  }
}
