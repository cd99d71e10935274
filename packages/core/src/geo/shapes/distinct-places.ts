/** Positions closer than this (degrees, about a metre) count as one place. */
const SAME_PLACE = 1e-5;

/** The distinct places of located, assigned accounts, each with its majority territory. */
export interface LabelledPlaces {
  /** x0, y0, x1, y1, … (longitude, latitude), as d3-delaunay takes them. */
  readonly points: Float64Array;
  /** Per place, the territory holding most of its accounts (ties to the lower territory). */
  readonly label: Int32Array;
  readonly count: number;
  /** Per account, its place (-1: not located or in no territory). */
  readonly placeOf: Int32Array;
}

/**
 * Accounts with coordinates grouped by place. A place's label is the territory most of its
 * assigned accounts are in; a place of unassigned accounts only is labelled -1: it still takes
 * its share of the map (a cell no territory gets), so unassigned accounts never make a
 * territory's shape reach over them.
 */
export function distinctPlaces(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
): LabelledPlaces {
  const placeByKey = new Map<number, number>();
  const placeOf = new Int32Array(lon.length).fill(-1);
  const xs: number[] = [];
  const ys: number[] = [];
  const firstLabel: number[] = [];
  // Places with accounts of several territories: per place, the count per territory.
  let mixed: Map<number, Map<number, number>> | null = null;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const t = territoryOf[i]! >= 0 && territoryOf[i]! < territoryCount ? territoryOf[i]! : -1;
    const key = Math.round((x + 180) / SAME_PLACE) * 2e7 + Math.round((y + 90) / SAME_PLACE);
    let p = placeByKey.get(key);
    if (p === undefined) {
      p = xs.length;
      placeByKey.set(key, p);
      placeOf[i] = p;
      xs.push(x);
      ys.push(y);
      firstLabel.push(t);
      continue;
    }
    placeOf[i] = p;
    mixed ??= new Map();
    let counts = mixed.get(p);
    if (!counts) mixed.set(p, (counts = new Map([[firstLabel[p]!, 1]])));
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const label = Int32Array.from(firstLabel);
  for (const [p, counts] of mixed ?? []) {
    let best = -1;
    let most = 0;
    for (const [t, n] of counts) {
      if (t >= 0 && (n > most || (n === most && t < best))) [best, most] = [t, n];
    }
    label[p] = best;
  }
  const points = new Float64Array(2 * xs.length);
  for (let p = 0; p < xs.length; p++) {
    points[2 * p] = xs[p]!;
    points[2 * p + 1] = ys[p]!;
  }
  return { points, label, count: xs.length, placeOf };
}
