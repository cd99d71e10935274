const RAD = Math.PI / 180;

/**
 * Every account's position as a unit vector, interleaved `x, y, z` (3 per account), computed once
 * so the distance passes need no trigonometry per account. A missing or out-of-range coordinate
 * (latitude outside ±90, longitude outside ±180) gives NaN in all three slots.
 *
 * One sine and one cosine per point instead of four: cos φ = √(1 − sin²φ) holds on ±90° and
 * sin λ = ±√(1 − cos²λ) takes the sign of λ on ±180°. Rounding near the poles and the
 * antimeridian moves a point by a few centimetres at most.
 */
export function unitVectors(lat: Float64Array, lon: Float64Array): Float64Array {
  const n = lat.length;
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    const o = 3 * i;
    if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180)) {
      out[o] = Number.NaN;
      out[o + 1] = Number.NaN;
      out[o + 2] = Number.NaN;
      continue;
    }
    const sinLat = Math.sin(la * RAD);
    const cosLat = Math.sqrt(Math.max(0, 1 - sinLat * sinLat));
    const cosLon = Math.cos(lo * RAD);
    const sinLon = Math.sqrt(Math.max(0, 1 - cosLon * cosLon));
    out[o] = cosLat * cosLon;
    out[o + 1] = lo < 0 ? -cosLat * sinLon : cosLat * sinLon;
    out[o + 2] = sinLat;
  }
  return out;
}


