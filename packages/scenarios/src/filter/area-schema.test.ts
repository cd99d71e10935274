import { describe, expect, it } from 'vitest';
import { areaGeometrySchema, filterSchema } from './area-schema.js';

const ring = [
  [-122.5, 37.5],
  [-122, 37.5],
  [-122, 38],
  [-122.5, 37.5],
];

/** The first issue as `path: message`. */
function issue(value: unknown): string {
  const result = areaGeometrySchema.safeParse(value);
  if (result.success) return 'ok';
  const first = result.error.issues[0]!;
  return `${first.path.join('.')}: ${first.message}`;
}

describe('areaGeometrySchema', () => {
  it('accepts a Polygon, with holes and altitudes, and a MultiPolygon', () => {
    expect(issue({ type: 'Polygon', coordinates: [ring] })).toBe('ok');
    expect(issue({ type: 'Polygon', coordinates: [ring, ring.map(([x, y]) => [x, y, 12])] })).toBe(
      'ok',
    );
    expect(issue({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBe('ok');
  });

  it('keeps the geometry as it came, minus foreign members', () => {
    const parsed = areaGeometrySchema.parse({ type: 'Polygon', coordinates: [ring], id: 7 });
    expect(parsed).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  it('says what is wrong and where', () => {
    expect(issue({ type: 'Point', coordinates: [0, 0] })).toBe(
      'type: an area must be a GeoJSON geometry with type "Polygon" or "MultiPolygon"',
    );
    expect(issue({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } })).toBe(
      'type: an area must be a GeoJSON geometry with type "Polygon" or "MultiPolygon"',
    );
    expect(issue({ type: 'Polygon', coordinates: [] })).toBe(
      'coordinates: a polygon needs an outer ring',
    );
    expect(issue({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toBe(
      'coordinates.0: a ring needs at least 4 positions (a triangle plus the closing one)',
    );
    expect(issue({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [-122.4, 37.6]]] })).toBe(
      'coordinates.0: a ring must be closed: its last position must repeat the first',
    );
    expect(issue({ type: 'Polygon', coordinates: [[[200, 37.5], ...ring.slice(1)]] })).toBe(
      'coordinates.0.0.0: longitude must be between -180 and 180',
    );
    expect(
      issue({ type: 'Polygon', coordinates: [[...ring.slice(0, 2), [-122, 91], ring[3]]] }),
    ).toBe('coordinates.0.2.1: latitude must be between -90 and 90');
    expect(issue({ type: 'Polygon', coordinates: [[...ring.slice(0, 2), [-122], ring[3]]] })).toBe(
      'coordinates.0.2.1: a position needs a latitude: [longitude, latitude]',
    );
    expect(
      issue({ type: 'Polygon', coordinates: [[...ring.slice(0, 2), ['x', 1], ring[3]]] }),
    ).toBe('coordinates.0.2.0: longitude must be a number');
    expect(issue({ type: 'Polygon', coordinates: [[...ring.slice(0, 2), 5, ring[3]]] })).toBe(
      'coordinates.0.2: a position is [longitude, latitude]',
    );
    expect(issue({ type: 'MultiPolygon', coordinates: [] })).toBe(
      'coordinates: a MultiPolygon needs at least one polygon',
    );
    expect(issue({ type: 'MultiPolygon', coordinates: [ring] })).toMatch(/^coordinates\.0\.0/);
  });
});

describe('filterSchema', () => {
  it('passes a filter that parses', () => {
    expect(filterSchema.parse('region = "West"')).toBe('region = "West"');
  });

  it("reports the parse error's position and reason", () => {
    const result = filterSchema.safeParse('potential >> 3');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['position 11: unexpected ">>"']);
    expect(filterSchema.safeParse(42).success).toBe(false);
  });
});
