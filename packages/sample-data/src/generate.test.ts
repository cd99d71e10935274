import { TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { generateSample } from './generate.js';
import { NAICS_SECTORS } from './industries.js';
import { loadUsPlaces } from './node/us-places.js';
import { CAPACITY_HEADROOM } from './reps.js';

const places = loadUsPlaces();
const big = generateSample({ accounts: 20_000, reps: 40, seed: 'test', places });

describe('generateSample', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateSample({ accounts: 2000, reps: 12, seed: 7, places });
    const b = generateSample({ accounts: 2000, reps: 12, seed: 7, places });
    const c = generateSample({ accounts: 2000, reps: 12, seed: 8, places });
    expect(a.accounts.toData()).toEqual(b.accounts.toData());
    expect(a.reps.toData()).toEqual(b.reps.toData());
    expect(c.accounts.lat).not.toEqual(a.accounts.lat);
    expect(c.accounts.name.values()).not.toEqual(a.accounts.name.values());
  });

  it('keeps the first accounts when more are asked for (owners aside)', () => {
    const small = generateSample({ accounts: 500, reps: 12, seed: 'p', places }).accounts;
    const more = generateSample({ accounts: 1000, reps: 12, seed: 'p', places }).accounts;
    // Owners depend on the reps, whose capacities depend on every account's workload.
    const own = (row: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(row).filter(([key]) => !['owner', 'locked', 'index'].includes(key)),
      );
    for (const i of [0, 1, 250, 499]) {
      expect(own({ ...more.row(i) })).toEqual(own({ ...small.row(i) }));
    }
  });

  it('makes as many accounts and reps as asked, with well-formed ids', () => {
    expect(big.accounts.length).toBe(20_000);
    expect(big.reps.length).toBe(40);
    expect(big.accounts.id.get(0)).toBe('A0000001');
    expect(big.accounts.id.get(19_999)).toBe('A0020000');
    expect(big.reps.id.get(0)).toBe('R001');
    expect(big.reps.id.get(39)).toBe('R040');
    const one = generateSample({ accounts: 1, reps: 1, seed: 1, places });
    expect(one.accounts.length).toBe(1);
    expect(one.reps.length).toBe(1);
  });

  it('puts every account in the continental US, Alaska or Hawaii', () => {
    const inBox = (lat: number, lon: number): boolean =>
      (lat >= 24 && lat <= 50 && lon >= -125 && lon <= -66.5) ||
      (lat >= 51 && lat <= 72 && lon >= -180 && lon <= -129.5) ||
      (lat >= 18.5 && lat <= 22.5 && lon >= -161 && lon <= -154.5);
    const { accounts, reps } = big;
    for (let i = 0; i < accounts.length; i++) {
      if (!inBox(accounts.lat[i]!, accounts.lon[i]!)) {
        throw new Error(`${accounts.id.get(i)} at ${accounts.lat[i]!}, ${accounts.lon[i]!}`);
      }
    }
    for (let r = 0; r < reps.length; r++) expect(inBox(reps.lat[r]!, reps.lon[r]!)).toBe(true);
    expect(accounts.country.dictionary).toEqual(['US']);
    expect(accounts.postalCode.dictionary).toEqual([]);
  });

  it('follows population: CA, TX, FL and NY are among the top 5 states', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < big.accounts.length; i++) {
      const region = big.accounts.region.get(i)!;
      counts.set(region, (counts.get(region) ?? 0) + 1);
    }
    const top5 = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([r]) => r);
    expect(top5[0]).toBe('CA');
    for (const state of ['TX', 'FL', 'NY']) expect(top5).toContain(state);
    expect(counts.size).toBeGreaterThanOrEqual(50);
  });

  it('is heavy-tailed: the top 1% of accounts hold over 30% of potential', () => {
    const potential = Array.from(big.accounts.potential).sort((a, b) => b - a);
    const total = potential.reduce((s, v) => s + v, 0);
    const top = potential.slice(0, 200).reduce((s, v) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.3);
    const employees = Array.from(big.accounts.employees).sort((a, b) => a - b);
    expect(employees[10_000]).toBeLessThan(15);
    expect(employees[19_999]).toBeGreaterThan(5000);
  });

  it('covers every NAICS sector, in roughly the documented mix', () => {
    const { industry } = big.accounts;
    expect(new Set(industry.dictionary)).toEqual(new Set(NAICS_SECTORS.map((s) => s.id)));
    const share = (id: string): number => {
      const code = industry.codeOf(id);
      return industry.codes.filter((c) => c === code).length / industry.length;
    };
    expect(share('healthcare')).toBeGreaterThan(0.08);
    expect(share('utilities')).toBeLessThan(0.01);
  });

  it('gives every account positive measures that rise with size', () => {
    const a = big.accounts;
    let smallWork = 0;
    let smallCount = 0;
    let bigWork = 0;
    let bigCount = 0;
    let bad = 0;
    for (let i = 0; i < a.length; i++) {
      if (!(a.employees[i]! > 0 && a.annualRevenue[i]! > 0 && a.workload[i]! > 0)) bad++;
      if (!(a.revenue[i]! >= 0 && a.revenue[i]! <= a.potential[i]! && a.potential[i]! > 0)) bad++;
      if (a.employees[i]! < 10) {
        smallWork += a.workload[i]!;
        smallCount++;
      } else if (a.employees[i]! >= 1000) {
        bigWork += a.workload[i]!;
        bigCount++;
      }
    }
    expect(bad).toBe(0);
    expect(bigWork / bigCount).toBeGreaterThan((3 * smallWork) / smallCount);
  });

  it('gives reps levels, skills and capacities that cover the workload with headroom', () => {
    const { reps, accounts } = big;
    let capacity = 0;
    for (let r = 0; r < reps.length; r++) {
      const skills = reps.skills.get(r);
      expect(skills.some((s) => s.startsWith('industry:'))).toBe(true);
      expect(skills.some((s) => s.startsWith('segment:'))).toBe(true);
      expect([1, 2, 3, 4]).toContain(reps.level[r]);
      expect(reps.capacity[r]).toBeGreaterThan(0);
      capacity += reps.capacity[r]!;
    }
    const workload = accounts.workload.reduce((s, v) => s + v, 0);
    expect(capacity / workload).toBeGreaterThan(CAPACITY_HEADROOM - 0.01);
    expect(capacity / workload).toBeLessThan(CAPACITY_HEADROOM + 0.01);
    const capacities = Array.from(reps.capacity);
    expect(Math.max(...capacities)).toBeGreaterThan(1.2 * Math.min(...capacities));
    expect(reps.skills.dictionary).toContain('segment:enterprise');
    expect(reps.skills.dictionary).toContain('lang:es');
    expect(accounts.skillsRequired.dictionary).toContain('segment:enterprise');
    expect(accounts.skillsRequired.dictionary).toContain('lang:es');
  });

  it('has a messy owner column: mostly current reps, some missing, some departed', () => {
    const { accounts, reps } = big;
    let none = 0;
    let departed = 0;
    let locked = 0;
    for (let i = 0; i < accounts.length; i++) {
      const owner = accounts.owner.get(i);
      if (owner === null) none++;
      else if (reps.indexOf(owner) < 0) {
        departed++;
        expect(owner).toMatch(/^R0(4[1-4])$/);
      }
      if (accounts.locked[i] === 1) {
        locked++;
        expect(reps.indexOf(owner ?? '')).toBeGreaterThanOrEqual(0);
      }
    }
    expect(none / accounts.length).toBeCloseTo(0.1, 1);
    expect(departed / accounts.length).toBeCloseTo(0.06, 1);
    expect(locked).toBeGreaterThan(0);
    expect(locked / accounts.length).toBeLessThan(0.05);
  });

  it('rejects bad options with a TesseraError naming the option', () => {
    const ok = { accounts: 10, reps: 2, seed: 1, places };
    const cases: [Record<string, unknown>, string][] = [
      [{ accounts: 0 }, 'accounts'],
      [{ accounts: 1.5 }, 'accounts'],
      [{ accounts: 5_000_001 }, 'accounts'],
      [{ reps: 0 }, 'reps'],
      [{ reps: Number.NaN }, 'reps'],
      [{ seed: Number.POSITIVE_INFINITY }, 'seed'],
      [{ places: [] }, 'places'],
      [{ places: [{ name: 'X', region: 'AA', lat: 91, lon: 0, population: 10 }] }, 'places'],
      [{ places: [{ name: 'X', region: 'AA', lat: 0, lon: 0, population: 0 }] }, 'places'],
    ];
    for (const [patch, option] of cases) {
      const call = (): unknown => generateSample({ ...ok, ...patch });
      expect(call).toThrow(TesseraError);
      expect(call).toThrow(`option "${option}"`);
    }
  });
});
