import type { Hono } from 'hono';
import type { OpenAPIObject } from 'trpc-to-openapi';
import type { Services } from '../../services/services.js';
import { datasetColumnsRoute } from './dataset-columns.js';
import { datasetUploadRoute } from './dataset-upload.js';
import { runDownloadsRoute } from './run-downloads.js';
import { runEventsRoute } from './run-events.js';

/**
 * A plain Hono route for what tRPC cannot carry (multipart uploads, CSV and GeoJSON
 * downloads, server-sent events), with its entry in the OpenAPI document.
 */
export interface PlainRoute {
  register(app: Hono, services: Services): void;
  paths(): NonNullable<OpenAPIObject['paths']>;
}

/** Every plain route; each lives in its own module beside this one. */
export const plainRoutes: PlainRoute[] = [
  datasetUploadRoute,
  datasetColumnsRoute,
  runDownloadsRoute,
  runEventsRoute,
];
