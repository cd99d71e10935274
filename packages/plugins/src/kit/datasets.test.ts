import { greatCircleKm } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { conformanceDatasets, LARGE_ACCOUNTS } from './datasets.js';

const data = conformanceDatasets();

describe('conformanceDatasets', () => {
  it('builds the same tables on every call', () => {
    const again = conformanceDatasets();
    for (const key of Object.keys(data) as (keyof typeof data)[]) {
      expect(Array.from(again[key].accounts.workload), key).toEqual(
        Array.from(data[key].accounts.workload),
      );
      expect(again[key].accounts.owner.dictionary, key).toEqual(
        data[key].accounts.owner.dictionary,
      );
      expect(again[key].reps.id.values(), key).toEqual(data[key].reps.id.values());
    }
  });

  it('gives the standard dataset owners, departed owners, locks, gaps and a remote rep', () => {
    const { accounts, reps } = data.standard;
    expect(accounts.length).toBe(240);
    expect(reps.length).toBe(8);
    expect(accounts.owner.dictionary).toContain('departed');
    expect(accounts.locked.includes(1)).toBe(true);
    expect(accounts.lat.some(Number.isNaN)).toBe(true);
    expect(accounts.workload.some(Number.isNaN)).toBe(true);
    expect(accounts.workload.includes(0)).toBe(true);
    expect(Number.isNaN(reps.lat[7]!) && Number.isNaN(reps.capacity[7]!)).toBe(true);
  });

  it('gives accounts postal codes, with some blank or missing, in every generated dataset', () => {
    for (const key of ['standard', 'large', 'oneRep'] as const) {
      const { postalCode } = data[key].accounts;
      const missing = Array.from(postalCode.codes).filter((c) => c < 0).length;
      expect(missing, key).toBeGreaterThan(0);
      expect(missing, key).toBeLessThan(postalCode.codes.length / 5);
      expect(postalCode.get(1), key).toMatch(/^\d{5}$/);
    }
  });

  it('ties accounts and reps exactly: stacked points, equal distances, equal workloads', () => {
    const { accounts, reps } = data.ties;
    const places = new Set(Array.from(accounts.lat, (lat, i) => `${lat},${accounts.lon[i]}`));
    expect(places).toEqual(new Set(['51.48,0', '53.48,-2.24']));
    expect(new Set(accounts.workload)).toEqual(new Set([2]));
    const km = (r: number, i: number) =>
      greatCircleKm(accounts.lat[i]!, accounts.lon[i]!, reps.lat[r]!, reps.lon[r]!);
    expect(km(0, 0)).toBe(km(1, 0)); // west and east of Greenwich
    expect(km(2, 1)).toBe(km(3, 1)); // two reps in one Manchester office
    expect(new Set(reps.capacity)).toEqual(new Set([30]));
  });

  it('locks 80 of 120 accounts, through the column or only through ctx.locks', () => {
    expect(data.locked.accounts.locked.reduce((s, v) => s + v, 0)).toBe(80);
    expect(data.locked.locks).toBeUndefined();
    expect(data.explicitLocks.accounts.locked.reduce((s, v) => s + v, 0)).toBe(0);
    expect(data.explicitLocks.locks!.reduce((s, v) => s + v, 0)).toBe(80);
  });

  it('makes each awkward input what its name says', () => {
    const count = (key: keyof typeof data) => [data[key].accounts.length, data[key].reps.length];
    expect(count('empty')).toEqual([0, 0]);
    expect(count('oneAccount')).toEqual([1, 3]);
    expect(count('oneRep')).toEqual([50, 1]);
    expect(count('moreRepsThanAccounts')).toEqual([4, 12]);
    expect(count('large')).toEqual([LARGE_ACCOUNTS, 40]);
    const { noCoordinates, onePoint, zeroWorkloads } = data;
    expect([...noCoordinates.accounts.lat, ...noCoordinates.reps.lat].every(Number.isNaN)).toBe(
      true,
    );
    expect(new Set([...onePoint.accounts.lat, ...onePoint.reps.lat])).toEqual(new Set([41.88]));
    expect(new Set([...onePoint.accounts.lon, ...onePoint.reps.lon])).toEqual(new Set([-87.63]));
    expect(new Set(zeroWorkloads.accounts.workload)).toEqual(new Set([0]));
  });
});
