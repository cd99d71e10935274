import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { geographicParams } from './params.js';

describe('geographicParams', () => {
  it('fills in the defaults', () => {
    expect(geographicParams.parse({})).toEqual({
      balanceOn: 'workload',
      tolerance: 0.05,
      centers: 'homes',
      continuityWeight: 0,
      contiguous: false,
    });
  });

  it('accepts a weighted mix and rejects an empty one', () => {
    expect(
      geographicParams.parse({ balanceOn: { workload: 0.7, potential: 0.3 } }).balanceOn,
    ).toEqual({
      workload: 0.7,
      potential: 0.3,
    });
    expect(geographicParams.safeParse({ balanceOn: { workload: 0 } }).success).toBe(false);
    expect(geographicParams.safeParse({ balanceOn: { revenue: 1 } }).success).toBe(false);
  });

  it('rejects bad values and unknown parameters', () => {
    expect(geographicParams.safeParse({ k: 0 }).success).toBe(false);
    expect(geographicParams.safeParse({ k: 2.5 }).success).toBe(false);
    expect(geographicParams.safeParse({ tolerance: -0.1 }).success).toBe(false);
    expect(geographicParams.safeParse({ centers: 'home' }).success).toBe(false);
    expect(geographicParams.safeParse({ continuityWeight: -1 }).success).toBe(false);
    expect(geographicParams.safeParse({ radius: 3 }).success).toBe(false);
  });

  it('describes every parameter in its JSON Schema', () => {
    const schema = z.toJSONSchema(geographicParams, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(property.description, name).toBeTruthy();
    }
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['balanceOn', 'centers', 'contiguous', 'continuityWeight', 'k', 'seed', 'tolerance', 'units'].sort(),
    );
  });
});
