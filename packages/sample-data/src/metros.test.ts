import { describe, expect, it } from 'vitest';
import { buildMetros } from './metros.js';

describe('metros', () => {
  it('joins a place to the larger place within 35 km and keeps a far one apart', () => {
    // 0.2° of latitude is ~22 km; 2° is ~222 km.
    const metros = buildMetros([
      { name: 'Suburb', region: 'AA', lat: 40.2, lon: -100, population: 1000 },
      { name: 'Far', region: 'BB', lat: 42, lon: -100, population: 2000 },
      { name: 'City', region: 'AA', lat: 40, lon: -100, population: 3000 },
    ]);
    expect(metros.map((m) => [m.name, m.region, m.population])).toEqual([
      ['City', 'AA', 4000],
      ['Far', 'BB', 2000],
    ]);
    // The centre is pulled a quarter of the way towards the suburb.
    expect(metros[0]!.lat).toBeCloseTo(40.05, 2);
    expect(metros[0]!.lon).toBeCloseTo(-100, 6);
  });
});
