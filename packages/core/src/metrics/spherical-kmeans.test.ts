import { describe, expect, it } from 'vitest';
import { toUnitVector } from '../geo/great-circle.js';
import { createRandom } from '../random/random.js';
import { sphericalKMeans } from './spherical-kmeans.js';

describe('sphericalKMeans', () => {
  it('converges to a Lloyd fixed point despite its pruning', () => {
    // At convergence every point sits with its nearest centre (checked by brute force) and every
    // centre is the normalised weighted sum of its points: what plain Lloyd would reach.
    const random = createRandom('fixed-point');
    const m = 2000;
    const k = 25;
    const points = new Float64Array(3 * m);
    const weights = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const lat = 25 + 24 * random.next() ** 2;
      const lon = -124 + 57 * random.next();
      points.set(toUnitVector(lat, lon), 3 * i);
      weights[i] = random.next() < 0.1 ? 0 : 1 + 5 * random.next();
    }
    const { assignment, centres } = sphericalKMeans(points, weights, k, createRandom(3), {
      maxIterations: 1000,
      restarts: 1,
    });
    expect(centres.length).toBe(3 * k);
    const sums = new Float64Array(3 * k);
    for (let i = 0; i < m; i++) {
      let best = -1;
      let bestDot = -2;
      for (let j = 0; j < k; j++) {
        const dot =
          points[3 * i]! * centres[3 * j]! +
          points[3 * i + 1]! * centres[3 * j + 1]! +
          points[3 * i + 2]! * centres[3 * j + 2]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = j;
        }
      }
      expect(assignment[i]).toBe(best);
      for (let axis = 0; axis < 3; axis++) {
        sums[3 * best + axis]! += weights[i]! * points[3 * i + axis]!;
      }
    }
    for (let j = 0; j < k; j++) {
      const norm = Math.hypot(sums[3 * j]!, sums[3 * j + 1]!, sums[3 * j + 2]!);
      for (let axis = 0; axis < 3; axis++) {
        expect(centres[3 * j + axis]).toBeCloseTo(sums[3 * j + axis]! / norm, 9);
      }
    }
  });

  it('keeps the best of several restarts', () => {
    const random = createRandom('restarts');
    const m = 500;
    const points = new Float64Array(3 * m);
    const weights = new Float64Array(m).fill(1);
    for (let i = 0; i < m; i++)
      points.set(toUnitVector(30 + 10 * random.next(), -100 + 20 * random.next()), 3 * i);
    const options = { maxIterations: 100 };
    const one = sphericalKMeans(points, weights, 12, createRandom(9), { ...options, restarts: 1 });
    const five = sphericalKMeans(points, weights, 12, createRandom(9), { ...options, restarts: 5 });
    expect(five.meanDistanceKm).toBeLessThanOrEqual(one.meanDistanceKm);
  });

  it('handles no points', () => {
    const result = sphericalKMeans(new Float64Array(0), new Float64Array(0), 3, createRandom(1), {
      maxIterations: 10,
      restarts: 2,
    });
    expect(result.centres.length).toBe(0);
    expect(result.meanDistanceKm).toBe(0);
  });
});
