import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ringSelfIntersection } from './ring-self-intersection.js';

/** A star-shaped ring: angles ascending around a centre, so it never crosses itself. */
function starRing(radii: number[]): Position[] {
  const ring = radii.map((r, i): Position => {
    const angle = (2 * Math.PI * i) / radii.length;
    return [10 + r * Math.cos(angle), 45 + r * Math.sin(angle)];
  });
  return [...ring, ring[0]!];
}

describe('ringSelfIntersection', () => {
  it('finds a bow tie crossing and says where', () => {
    const bowTie: Position[] = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(ringSelfIntersection(bowTie)).toEqual({ segmentA: 0, segmentB: 2, at: [1, 1] });
  });

  it('finds a ring that touches itself at a point and one that doubles back', () => {
    const touching: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0],
      [0, 4],
      [0, 0],
    ];
    expect(ringSelfIntersection(touching)?.at).toEqual([2, 0]);
    const spike: Position[] = [
      [0, 0],
      [4, 0],
      [6, 0],
      [5, 0],
      [4, 4],
      [0, 0],
    ];
    expect(ringSelfIntersection(spike)).not.toBeNull();
  });

  it('accepts squares, repeated positions and any star-shaped ring', () => {
    const square: Position[] = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(ringSelfIntersection(square)).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 5, noNaN: true }), { minLength: 3, maxLength: 200 }),
        (radii) => {
          expect(ringSelfIntersection(starRing(radii))).toBeNull();
        },
      ),
    );
  });

  it('finds the crossing made by swapping two positions of a star-shaped ring', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 6, max: 100 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 4 }))),
        ([n, i]) => {
          const ring = starRing(Array.from({ length: n }, () => 3));
          // Swapping positions i and i + 2 on a circle makes their chords cross.
          [ring[i], ring[i + 2]] = [ring[i + 2]!, ring[i]!];
          expect(ringSelfIntersection(ring)).not.toBeNull();
        },
      ),
    );
  });

  it('checks a 100,000-position ring (an all-pairs check would time out)', () => {
    const n = 100_000;
    const ring = starRing(
      Array.from({ length: n }, (_, i) => 3 + Math.sin((16 * Math.PI * i) / n)),
    );
    expect(ringSelfIntersection(ring)).toBeNull();
    [ring[500], ring[502]] = [ring[502]!, ring[500]!];
    expect(ringSelfIntersection(ring)).toMatchObject({ segmentA: 499 });
  });
});
