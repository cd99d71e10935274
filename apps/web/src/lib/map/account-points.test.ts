import { describe, expect, it } from 'vitest';
import { accountPoints, maskedPoints, planPoints } from './account-points.ts';
import type { Rgba } from './palette.ts';
import type { MapAccounts } from './types.ts';

const NaN_ = Number.NaN;

function sample(): MapAccounts {
  return {
    count: 5,
    lon: Float64Array.from([-100, NaN_, -90, -80, 200]),
    lat: Float64Array.from([40, 41, 30, 35, 10]),
    territory: Int32Array.from([0, 1, -1, 1, 0]),
    weight: Float64Array.from([2, 3, 4, NaN_, 5]),
  };
}

const red: Rgba = [255, 0, 0, 255];
const blue: Rgba = [0, 0, 255, 255];
const grey: Rgba = [9, 9, 9, 200];

describe('accountPoints', () => {
  it('keeps located accounts in order, with their account index and the bounds', () => {
    const points = accountPoints(sample());
    expect(points.length).toBe(3);
    expect([...points.rowOf]).toEqual([0, 2, 3]);
    expect([...points.positions]).toEqual([-100, 40, -90, 30, -80, 35]);
    expect(points.bounds).toEqual([-100, 30, -80, 40]);
  });

  it('has no bounds when no account is located', () => {
    const none = accountPoints({
      count: 2,
      lon: Float64Array.from([NaN_, 1]),
      lat: Float64Array.from([1, NaN_]),
      territory: new Int32Array(2),
    });
    expect(none.length).toBe(0);
    expect(none.bounds).toBeNull();
  });

  it('names the column whose length is off', () => {
    expect(() => accountPoints({ ...sample(), territory: new Int32Array(4) })).toThrow(
      'map accounts: column "territory" has 4 values, expected 5 (count)',
    );
    expect(() => accountPoints({ ...sample(), count: -1 })).toThrow(
      'count must be a whole number ≥ 0, got -1',
    );
  });
});

describe('planPoints', () => {
  it('colours each point by its territory and totals every account', () => {
    const accounts = sample();
    const plan = planPoints(accounts, accountPoints(accounts), [red, blue], grey);
    expect([...plan.colours]).toEqual([...red, ...grey, ...blue]);
    expect([...plan.accounts]).toEqual([2, 2]);
    // Territory 1: 3 (unlocated, still counted) + NaN (left out).
    expect([...plan.weight]).toEqual([7, 3]);
    expect(plan.unassigned).toBe(1);
  });

  it('treats a territory index past the list as unassigned', () => {
    const accounts = sample();
    const plan = planPoints(accounts, accountPoints(accounts), [red], grey);
    expect([...plan.colours]).toEqual([...red, ...grey, ...grey]);
    expect(plan.unassigned).toBe(3);
  });
});

describe('maskedPoints', () => {
  it('keeps the located accounts the mask marks', () => {
    const points = accountPoints(sample());
    const moved = maskedPoints(points, Uint8Array.from([0, 1, 1, 0, 1]));
    expect(moved.length).toBe(1);
    expect([...moved.rowOf]).toEqual([2]);
    expect([...moved.positions]).toEqual([-90, 30]);
    expect(moved.bounds).toEqual([-90, 30, -90, 30]);
  });
});
