import { createReadStream } from 'node:fs';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { z } from 'zod';
import { createdDatasetSchema, datasetNameSchema } from '../../datasets/dataset-schemas.js';
import { createDataset } from '../../datasets/datasets-service.js';
import {
  importDataset,
  REPORTED_ISSUES,
  type ImportedDataset,
} from '../../datasets/import-dataset.js';
import { ERROR_STATUS, errorBody } from '../../errors.js';
import { plainRouteContext } from './plain-route-auth.js';
import { errorResponse } from '../rest.js';
import type { PlainRoute } from './index.js';
import {
  invalidPart,
  invalidParts,
  receiveMultipart,
  SpooledFile,
  type ReceivedForm,
} from './receive-multipart.js';

const PARTS = ['name', 'accounts', 'reps', 'baseline'] as const;

/**
 * Media types a CSV file arrives with: browsers send `text/csv`, Windows ones
 * `application/vnd.ms-excel` for a .csv, curl `application/octet-stream` unless told; some
 * send none. Anything else (a workbook, JSON, an image) is not a CSV file.
 */
const CSV_TYPES = new Set([
  '',
  'text/csv',
  'text/plain',
  'text/x-csv',
  'text/comma-separated-values',
  'application/csv',
  'application/x-csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

const mediaType = (file: SpooledFile): string => file.type.split(';')[0]!.trim().toLowerCase();

function csvPart(part: string) {
  return z
    .custom<SpooledFile>((value) => value instanceof SpooledFile, {
      error: (issue) =>
        issue.input === undefined
          ? `missing: send the ${part} CSV as a file part named "${part}"`
          : `must be a file (a CSV upload), not a text field`,
    })
    .refine((file) => CSV_TYPES.has(mediaType(file)), {
      error: (issue) => `is ${mediaType(issue.input as SpooledFile)}, not a CSV file`,
    });
}

const uploadSchema = z.strictObject(
  {
    name: datasetNameSchema,
    accounts: csvPart('accounts'),
    reps: csvPart('reps'),
    baseline: csvPart('baseline').optional(),
  },
  { error: () => `unknown part (the parts are ${PARTS.join(', ')})` },
);

/**
 * `POST /api/datasets`: a multipart upload of an accounts and a reps CSV (and a baseline plan),
 * imported with core's importers straight from the uploaded files and stored in one
 * transaction; a file with errors is a 422 listing them, and nothing is stored.
 */
export const datasetUploadRoute: PlainRoute = {
  register(app, services) {
    app.post('/api/datasets', async (c) => {
      const requestId = c.get('requestId');
      try {
        // Checked before the body is read: an upload of hundreds of megabytes is not parsed
        // for someone who may not store it.
        const ctx = await plainRouteContext(services, c.req.raw, requestId, 'planner');
        const form = await receiveUpload(c.req.raw);
        const upload = await importUpload(form.parts).finally(() => form.dispose());
        const created = await createDataset({ ctx, input: upload });
        return c.json(created, 201);
      } catch (error) {
        const body = errorBody(error);
        if (body.code === 'INTERNAL') services.log.error('POST /api/datasets', error);
        return errorResponse(body, ERROR_STATUS[body.code], requestId);
      }
    });
  },
  paths: () => ({
    '/datasets': {
      post: {
        tags: ['datasets'],
        summary: 'Imports a dataset: an accounts and a reps CSV, optionally a baseline plan',
        description:
          'All or nothing: a file with errors answers 422 with every error found (up to ' +
          `${REPORTED_ISSUES}, with their total in \`details.total\`) as ` +
          '`details.issues: [{ file, line, column, value, reason }]`, and nothing is stored. ' +
          'Needs the planner role.',
        security: [{ Authorization: [] }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['name', 'accounts', 'reps'],
                properties: {
                  name: { type: 'string', minLength: 1, maxLength: 200 },
                  accounts: csvSchema('accounts.csv: id, name, lat, lon, … (docs: CSV contract)'),
                  reps: csvSchema('reps.csv: id, name, lat, lon, capacity, skills, level'),
                  baseline: csvSchema('plan.csv: account_id, territory_id, rep_id (optional)'),
                },
              },
              encoding: {
                accounts: { contentType: 'text/csv' },
                reps: { contentType: 'text/csv' },
                baseline: { contentType: 'text/csv' },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'the stored dataset',
            content: {
              'application/json': {
                schema: z.toJSONSchema(createdDatasetSchema, { io: 'output' }) as SchemaObject,
              },
            },
          },
          '401': errorRef('no valid token or session'),
          '403': errorRef('the planner role is needed'),
          '413': errorRef('the body is over the size limit (TESSERA_MAX_BODY_MB)'),
          '422': errorRef('a missing or non-CSV part, or a file with errors: nothing stored'),
        },
      },
    },
  }),
};

function csvSchema(description: string): SchemaObject {
  return { type: 'string', format: 'binary', contentMediaType: 'text/csv', description };
}

function errorRef(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

type Upload = z.infer<typeof uploadSchema>;

/** The body as a multipart form, its files spooled to disk; anything else is refused. */
async function receiveUpload(req: Request): Promise<ReceivedForm> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw invalidPart(
      '',
      `send multipart/form-data with the parts ${PARTS.join(', ')}, not "${type || 'no content type'}"`,
    );
  }
  return receiveMultipart(req, { maxParts: 10, maxFieldBytes: 1000 });
}

/** The form checked, then its files read with core's importers, in the order they need. */
async function importUpload(
  parts: ReceivedForm['parts'],
): Promise<{ name: string } & ImportedDataset> {
  const upload = parseUpload(parts);
  const imported = await importDataset({
    // Bytes go to core's streaming UTF-8 decoder, which reports bad bytes as an issue.
    accounts: createReadStream(upload.accounts.path),
    reps: createReadStream(upload.reps.path),
    baseline: upload.baseline && createReadStream(upload.baseline.path),
  });
  return { name: upload.name, ...imported };
}

/** The form's parts, each given once, checked by name and kind; the files are not read yet. */
function parseUpload(parts: ReceivedForm['parts']): Upload {
  const fields = new Map<string, string | SpooledFile>();
  const twice = new Set<string>();
  for (const [key, value] of parts) {
    if (fields.has(key)) twice.add(key);
    fields.set(key, value);
  }
  if (twice.size > 0) {
    throw invalidParts(
      [...twice].map((key) => ({ path: [key], message: 'is given more than once' })),
    );
  }
  const parsed = uploadSchema.safeParse(Object.fromEntries(fields));
  if (!parsed.success) {
    throw invalidParts(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [key], message: issue.message }))
          : [{ path: issue.path.map(String), message: issue.message }],
      ),
    );
  }
  return parsed.data;
}
