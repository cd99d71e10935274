import { AccountTable, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';
import { buildAtoms, ownerReps, unitGroups } from './units.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);

describe('unitGroups', () => {
  const accounts = AccountTable.fromRows([
    { id: 'a', postalCode: '10001', employees: 50, attributes: { Territory: 'north' } },
    { id: 'b', postalCode: '10001', employees: 20, attributes: { Territory: 'south' } },
    { id: 'c', employees: 50 },
  ]);

  it('finds contract columns by CSV name or alias, extra columns by header', () => {
    expect(Array.from(unitGroups(accounts, 'postal_code').codes)).toEqual([0, 0, -1]);
    expect(Array.from(unitGroups(accounts, 'zip').codes)).toEqual([0, 0, -1]);
    expect(Array.from(unitGroups(accounts, 'postalCode').codes)).toEqual([0, 0, -1]);
    const extra = unitGroups(accounts, 'territory');
    expect(Array.from(extra.codes)).toEqual([0, 1, -1]);
    expect(extra.valueOf(1)).toBe('south');
  });

  it('groups a numeric column by value', () => {
    const byEmployees = unitGroups(accounts, 'employees');
    expect(Array.from(byEmployees.codes)).toEqual([0, 1, 0]);
    expect(byEmployees.valueOf(1)).toBe('20');
  });

  it('names the known columns when the column does not exist', () => {
    expect(() => unitGroups(accounts, 'colour')).toThrow(
      'strategy "geographic": parameter "units": no account column "colour" (known: postal_code, region, country, industry, Territory)',
    );
  });
});

describe('buildAtoms', () => {
  it('makes every account an atom without units', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', lat: 0, lon: 0, owner: 'r2', locked: true },
      { id: 'b', owner: 'gone', locked: true },
    ]);
    const locks = accounts.locked;
    const load = Float64Array.of(3, 4);
    const { atoms, atomOf } = await buildAtoms(
      accounts,
      reps,
      locks,
      load,
      Float64Array.of(1, 1),
      null,
      pacer,
    );
    expect(Array.from(atomOf)).toEqual([0, 1]);
    expect(Array.from(atoms.lockRep)).toEqual([1, -1]); // a departed owner holds no lock
    expect(Array.from(atoms.ownerRep)).toEqual([1, -1]);
    expect(atoms.x[0]).toBeCloseTo(1, 12);
    expect(Number.isNaN(atoms.x[1]!)).toBe(true);
    expect(Array.from(atoms.b)).toEqual([3, 4]);
  });

  it('groups a unit into one atom at its weighted centre', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', lat: 0, lon: 0, region: 'x', owner: 'r1' },
      { id: 'b', lat: 0, lon: 90, region: 'x', owner: 'r2' },
      { id: 'c', lat: 0, lon: 90, region: 'x', owner: 'r2' },
      { id: 'd', region: null },
    ]);
    const groups = unitGroups(accounts, 'region').codes;
    const { atoms, atomOf } = await buildAtoms(
      accounts,
      reps,
      accounts.locked,
      Float64Array.of(1, 1, 1, 1),
      Float64Array.of(1, 1, 1, 1),
      groups,
      pacer,
    );
    expect(Array.from(atomOf)).toEqual([0, 0, 0, 1]);
    expect(atoms.count).toBe(2);
    expect(atoms.b[0]).toBe(3);
    expect(atoms.w[0]).toBe(3);
    // Centre: normalised (1, 2, 0) → longitude atan(2) ≈ 63.4°.
    expect(Math.atan2(atoms.y[0]!, atoms.x[0]!) * (180 / Math.PI)).toBeCloseTo(63.435, 3);
    expect(atoms.ownerRep[0]).toBe(1); // r2 owns most of it
    expect(atoms.ownerW[0]).toBe(2);
  });

  it('splits a unit whose accounts are locked to different reps', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', lat: 0, lon: 0, region: 'x', owner: 'r1', locked: true },
      { id: 'b', lat: 0, lon: 1, region: 'x', owner: 'r2', locked: true, workload: 5 },
      { id: 'c', lat: 0, lon: 2, region: 'x' },
    ]);
    const { atoms, atomOf, splitUnits } = await buildAtoms(
      accounts,
      reps,
      accounts.locked,
      Float64Array.of(1, 1, 1),
      Float64Array.of(1, 5, 1),
      unitGroups(accounts, 'region').codes,
      pacer,
    );
    expect(splitUnits).toBe(1);
    // The free account joins the rep holding most of the locked weight (r2).
    expect(atomOf[2]).toBe(atomOf[1]);
    expect(atomOf[0]).not.toBe(atomOf[1]);
    expect(Array.from(atoms.lockRep)).toEqual([0, 1]);
  });
});

describe('ownerReps', () => {
  it('maps each owner id to its rep row, -1 for none or a rep who left', () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', owner: 'r2' },
      { id: 'b', owner: 'x' },
      { id: 'c' },
    ]);
    expect(Array.from(ownerReps(accounts, reps))).toEqual([1, -1, -1]);
  });
});
