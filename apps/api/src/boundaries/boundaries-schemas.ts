import { z } from 'zod';
import { datasetIdSchema } from '../datasets/dataset-schemas.js';

const propertyName = z.string().trim().min(1, 'must not be empty').max(200);

/** `PUT /datasets/{id}/boundaries`: a boundaries file and where its features keep ids and names. */
export const boundariesInputSchema = z.object({
  id: datasetIdSchema,
  geojson: z
    .object({
      type: z.literal('FeatureCollection'),
      // Each feature is checked by core's blocksFromGeoJson, whose messages name the feature.
      features: z.array(z.unknown()).min(1, 'must hold at least one feature'),
    })
    .describe(
      'a GeoJSON FeatureCollection of Polygon and MultiPolygon features: the building blocks (NUTS regions, postal areas…), in lon/lat',
    ),
  idProperty: propertyName
    .optional()
    .describe("the property holding each block's id (NUTS_ID); default: the feature's `id`"),
  nameProperty: propertyName
    .optional()
    .describe("the property holding each block's name (NAME_LATN)"),
});

/** A stored boundaries file, without its geometry. */
export const boundariesSummarySchema = z.object({
  id: z.string().describe('the dataset id'),
  blocks: z.number().int().describe('building blocks (features) in the file'),
  idProperty: z
    .string()
    .nullable()
    .describe("the property read as each block's id; null: the feature's `id`"),
  nameProperty: z.string().nullable(),
  bytes: z.number().int().describe('the GeoJSON as stored, in bytes'),
  uploadedAt: z.iso.datetime(),
});
