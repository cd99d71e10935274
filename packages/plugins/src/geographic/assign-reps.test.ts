import { RepTable, toUnitVector } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { matchLeaders, repHomes, repsWithLocks, type LeaderCosts } from './assign-reps.js';
import { allocateAtoms } from './atoms.js';

const centres = Float64Array.of(...toUnitVector(40, -74), ...toUnitVector(34, -118));

function costs(reps: RepTable, mustLead: number[], extra: Partial<LeaderCosts> = {}): LeaderCosts {
  const m = reps.length;
  return {
    centres,
    homes: repHomes(reps),
    homeWeight: 1,
    locked: allocateAtoms(0),
    owned: new Float64Array(m),
    ownedIn: new Float64Array(m * 2),
    continuityCost: 0,
    mustLead: Uint8Array.from(mustLead),
    ...extra,
  };
}

describe('matchLeaders', () => {
  it('gives each territory the rep living nearest its centre', () => {
    const reps = RepTable.fromRows([
      { id: 'la', lat: 34.1, lon: -118 },
      { id: 'ny', lat: 40.8, lon: -74 },
    ]);
    const leaders = matchLeaders(2, 2, costs(reps, [0, 0]));
    expect(Array.from(leaders.territoryRep)).toEqual([1, 0]);
    expect(Array.from(leaders.territoryOfRep)).toEqual([1, 0]);
  });

  it('leaves spare reps out, but never one holding locks', () => {
    const reps = RepTable.fromRows([
      { id: 'ny', lat: 40.8, lon: -74 },
      { id: 'la', lat: 34.1, lon: -118 },
      { id: 'far', lat: 0, lon: 0 },
    ]);
    const one = Float64Array.of(...toUnitVector(40, -74));
    const free = matchLeaders(1, 3, { ...costs(reps, [0, 0, 0]), centres: one });
    expect(Array.from(free.territoryRep)).toEqual([0]);
    const locked = matchLeaders(1, 3, { ...costs(reps, [0, 0, 1]), centres: one });
    expect(Array.from(locked.territoryRep)).toEqual([2]);
    expect(Array.from(locked.territoryOfRep)).toEqual([-1, -1, 0]);
  });

  it('leaves territories unstaffed when there are more than reps', () => {
    const reps = RepTable.fromRows([{ id: 'la', lat: 34.1, lon: -118 }]);
    const leaders = matchLeaders(2, 1, costs(reps, [0]));
    expect(Array.from(leaders.territoryRep)).toEqual([-1, 0]);
  });

  it('pulls a rep towards the territory holding its locked accounts', () => {
    const reps = RepTable.fromRows([{ id: 'a' }, { id: 'b' }]);
    const locked = allocateAtoms(1);
    const [x, y, z] = toUnitVector(34, -118);
    locked.x[0] = x;
    locked.y[0] = y;
    locked.z[0] = z;
    locked.w[0] = 5;
    locked.lockRep[0] = 0;
    const leaders = matchLeaders(2, 2, costs(reps, [1, 0], { locked }));
    expect(Array.from(leaders.territoryRep)).toEqual([1, 0]);
  });
});

describe('matchLeaders beyond 300 territories', () => {
  it('matches greedily: near reps first, reps with locks always', () => {
    const k = 305;
    const m = 310;
    const reps = RepTable.fromRows(
      Array.from({ length: m }, (_, r) => ({ id: `r${r}`, lat: 0, lon: r * 0.1 })),
    );
    const line = Float64Array.from(
      { length: 3 * k },
      (_, i) => toUnitVector(0, Math.floor(i / 3) * 0.1)[i % 3]!,
    );
    const mustLead = new Array<number>(m).fill(0);
    mustLead[m - 1] = 1;
    const leaders = matchLeaders(k, m, {
      ...costs(reps, mustLead),
      centres: line,
      ownedIn: new Float64Array(m * k),
    });
    expect(Array.from(leaders.territoryRep).every((r) => r >= 0)).toBe(true);
    expect(leaders.territoryOfRep[m - 1]).toBeGreaterThanOrEqual(0);
    let home = 0;
    for (let t = 0; t < k; t++) if (leaders.territoryRep[t] === t) home++;
    expect(home).toBeGreaterThanOrEqual(k - 2);
  });
});

describe('repsWithLocks', () => {
  it('marks the reps some atom is locked to', () => {
    const atoms = allocateAtoms(3);
    atoms.lockRep.set([-1, 2, 2]);
    expect(Array.from(repsWithLocks(atoms, 3))).toEqual([0, 0, 1]);
  });
});
