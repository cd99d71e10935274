import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { FilterSyntaxError } from './filter-error.js';
import { parseFilter } from './parse-filter.js';

/** A named area's shape: a GeoJSON Polygon or MultiPolygon geometry in WGS84 lon/lat degrees. */
export type AreaGeometry = Polygon | MultiPolygon;

const lon = z
  .number({ error: (issue) => missingOr(issue.input, 'longitude') })
  .min(-180, 'longitude must be between -180 and 180')
  .max(180, 'longitude must be between -180 and 180');
const lat = z
  .number({ error: (issue) => missingOr(issue.input, 'latitude') })
  .min(-90, 'latitude must be between -90 and 90')
  .max(90, 'latitude must be between -90 and 90');
function missingOr(input: unknown, what: string): string {
  return input === undefined
    ? `a position needs a ${what}: [longitude, latitude]`
    : `${what} must be a number`;
}
// GeoJSON allows an altitude after lon and lat; it plays no part in "within".
const position = z.tuple([lon, lat], z.number(), {
  error: 'a position is [longitude, latitude]',
});
const ring = z
  .array(position, { error: 'a ring is an array of positions' })
  .min(4, 'a ring needs at least 4 positions (a triangle plus the closing one)')
  .refine(
    (points) => {
      const first = points[0]!;
      const last = points[points.length - 1]!;
      return first[0] === last[0] && first[1] === last[1];
    },
    { error: 'a ring must be closed: its last position must repeat the first', abort: true },
  );
const polygonRings = z
  .array(ring, { error: 'a polygon is an array of rings' })
  .min(1, 'a polygon needs an outer ring');

const polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: polygonRings.describe('the outer ring, then any holes'),
});
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(polygonRings, { error: 'a MultiPolygon is an array of polygons' })
    .min(1, 'a MultiPolygon needs at least one polygon'),
});

/** Validates a named area: a GeoJSON Polygon or MultiPolygon geometry (not a Feature). */
export const areaGeometrySchema = z
  .discriminatedUnion('type', [polygon, multiPolygon], {
    error: 'an area must be a GeoJSON geometry with type "Polygon" or "MultiPolygon"',
  })
  .describe(
    'a GeoJSON Polygon or MultiPolygon geometry, lon/lat in WGS84 degrees',
  ) satisfies z.ZodType<AreaGeometry>;

/**
 * A filter expression as text, checked by parsing it; the issue's message is the parse error's
 * position and reason, e.g. `position 11: unexpected ">>"`.
 */
export const filterSchema = z
  .string()
  .superRefine((text, ctx) => {
    try {
      parseFilter(text);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      ctx.addIssue({ code: 'custom', message: `position ${error.position}: ${error.reason}` });
    }
  })
  .describe('a filter expression, e.g. region = "West" and potential > 100000 (docs/filters.md)');
