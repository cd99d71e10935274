import { createRandom, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { assignOwners, departedRepCount, OWNER_MIX } from './owners.js';

describe('historical owners', () => {
  const places = [
    { name: 'Here', region: 'AA', lat: 40, lon: -100, population: 1000 },
    { name: 'There', region: 'BB', lat: 30, lon: -80, population: 1000 },
  ];
  // Reps 0, 1, 2 sit near "Here" (at 10, 20, 30 km); reps 3 and 4 near "There".
  const reps = RepTable.fromRows([
    { id: 'R001', lat: 40.09, lon: -100 },
    { id: 'R002', lat: 40.18, lon: -100 },
    { id: 'R003', lat: 40.27, lon: -100 },
    { id: 'R004', lat: 30, lon: -80 },
    { id: 'R005', lat: 30.1, lon: -80 },
  ]);
  const n = 20_000;
  const { owner, locked } = assignOwners({
    places,
    accountPlace: new Int32Array(n),
    accountSegment: new Uint8Array(n).fill(2),
    reps,
    random: createRandom('owners'),
  });

  it('mixes nearby, random, missing and departed owners in the documented shares', () => {
    const count = (f: (o: number) => boolean): number => owner.filter(f).length / n;
    expect(count((o) => o === -1)).toBeCloseTo(OWNER_MIX.none, 1);
    expect(count((o) => o >= 5)).toBeCloseTo(OWNER_MIX.departed, 1);
    // Far reps only come from the random share: 2 of 5 reps.
    expect(count((o) => o === 3 || o === 4)).toBeCloseTo((OWNER_MIX.random * 2) / 5, 2);
    // The nearest rep: 60% of the nearby share plus 1/5 of the random share.
    expect(count((o) => o === 0)).toBeCloseTo(OWNER_MIX.nearby * 0.6 + OWNER_MIX.random / 5, 1);
  });

  it('names departed reps right after the current ones', () => {
    expect(departedRepCount(5)).toBe(1);
    expect(departedRepCount(200)).toBe(20);
    expect(Math.max(...owner)).toBe(5);
  });

  it('locks only accounts held by a current rep, about 15% of enterprise ones', () => {
    let held = 0;
    let lockedCount = 0;
    for (let i = 0; i < n; i++) {
      if (locked[i] === 1) {
        expect(owner[i]).toBeGreaterThanOrEqual(0);
        expect(owner[i]).toBeLessThan(5);
        lockedCount++;
      }
      if (owner[i]! >= 0 && owner[i]! < 5) held++;
    }
    expect(lockedCount / held).toBeCloseTo(0.15, 1);
  });
});
