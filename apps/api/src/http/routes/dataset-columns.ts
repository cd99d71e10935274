import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip, createZstdCompress } from 'node:zlib';
import { COLUMN_FRAME_VERSION, encodeColumnFrame } from '@tessera/core';
import { datasetToData } from '@tessera/scenarios';
import type { Context as HonoContext } from 'hono';
import { getDataset } from '../../datasets/datasets-service.js';
import { ERROR_STATUS, errorBody } from '../../errors.js';
import type { Services } from '../../services/services.js';
import { errorResponse } from '../rest.js';
import type { PlainRoute } from './index.js';
import { plainRouteContext } from './plain-route-auth.js';

/** The media type of a dataset's column frame (core's `encodeColumnFrame`). */
export const COLUMNS_MEDIA_TYPE = 'application/vnd.tessera.columns';

/** Encodings this route compresses with, best first: zstd and br beat gzip at equal CPU. */
export const COLUMN_ENCODINGS = ['zstd', 'br', 'gzip'] as const;
export type ColumnEncoding = (typeof COLUMN_ENCODINGS)[number];

// Datasets never change, so one tag per dataset and frame version. Weak, because each
// content encoding is a different byte sequence of the same representation.
const etagOf = (datasetId: string): string => `W/"${datasetId}.columns-v${COLUMN_FRAME_VERSION}"`;

// Revalidate every time (a 304 costs one indexed query) so a signed-out browser or one whose
// access was revoked never reads a dataset from its cache; never stored by shared caches.
const CACHE_CONTROL = 'private, no-cache';

/**
 * `GET /api/datasets/{id}/columns`: a dataset as binary columns for the browser, which reads
 * them into core's tables without parsing a row: the dataset's `DatasetData` as a column frame
 * (see core's `column-frame.ts` for the layout), streamed from the decoded tables the
 * dataset store already holds, each typed array written as a view of itself, compressed on the
 * way out when the client accepts zstd, br or gzip.
 */
export const datasetColumnsRoute: PlainRoute = {
  register(app, services) {
    app.get('/api/datasets/:id/columns', (c) => answer(c, services));
  },
  paths: () => ({
    '/datasets/{id}/columns': {
      get: {
        tags: ['datasets'],
        summary: 'A dataset as binary columns (a Tessera column frame), for the web app',
        description:
          'The accounts, reps and baseline as typed arrays: "TSCF", then u32 little-endian version, header length H and body length B, then H bytes of JSON `{ columns: [{ name, type, offset, length }], value }` padded with spaces to a multiple of 8, then B bytes of 8-byte-aligned little-endian column bodies. `value` is the dataset data with each typed array as `{ "$column": i }`. Compressed with zstd, br or gzip when Accept-Encoding allows. Datasets never change: send the ETag back in If-None-Match to get 304.',
        security: [{ Authorization: [] }],
        parameters: [
          { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' as const } },
          {
            name: 'If-None-Match',
            in: 'header' as const,
            required: false,
            schema: { type: 'string' as const },
          },
        ],
        responses: {
          '200': {
            description: 'The column frame',
            headers: {
              ETag: { schema: { type: 'string' as const } },
              'Cache-Control': { schema: { type: 'string' as const } },
            },
            content: { [COLUMNS_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          '304': { description: 'The copy the client holds (its If-None-Match) is current' },
          '401': errorRef('no valid token or session'),
          '404': errorRef('no such dataset in this workspace'),
        },
      },
    },
  }),
};

async function answer(c: HonoContext, services: Services): Promise<Response> {
  const requestId = c.get('requestId');
  const datasetId = c.req.param('id') ?? '';
  try {
    const ctx = await plainRouteContext(services, c.req.raw, requestId, 'viewer');
    const etag = etagOf(datasetId);
    const headers = { etag, 'cache-control': CACHE_CONTROL, vary: 'Accept-Encoding' };
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      // Still this workspace's (and not deleted): the 404 must win over the cache.
      await getDataset({ ctx, input: { id: datasetId } });
      return new Response(null, { status: 304, headers });
    }
    const dataset = await services.datasets.load(ctx.actor.workspaceId, datasetId);
    const frame = encodeColumnFrame(datasetToData(dataset));
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const body = Readable.from(frame.chunks(), { objectMode: false });
    if (!encoding) {
      return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
        headers: {
          ...headers,
          'content-type': COLUMNS_MEDIA_TYPE,
          'content-length': String(frame.byteLength),
        },
      });
    }
    const compressed = body.pipe(compressor(encoding, frame.byteLength));
    body.on('error', (error) => compressed.destroy(error));
    return new Response(Readable.toWeb(compressed) as ReadableStream<Uint8Array>, {
      headers: { ...headers, 'content-type': COLUMNS_MEDIA_TYPE, 'content-encoding': encoding },
    });
  } catch (error) {
    const body = errorBody(error);
    if (body.code === 'INTERNAL') services.log.error(`${c.req.method} ${c.req.path}`, error);
    return errorResponse(body, ERROR_STATUS[body.code], requestId);
  }
}

/**
 * The encoding to use for an Accept-Encoding header: the one with the highest q the client
 * gives, ties to the order of {@link COLUMN_ENCODINGS}; null for none (send the bytes as they are).
 */
export function chooseEncoding(header: string | undefined): ColumnEncoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: ColumnEncoding | null = null;
  let bestWeight = 0;
  for (const encoding of COLUMN_ENCODINGS) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

// zlib's default 16 KiB output chunks cost a thread-pool round trip each: megabytes want larger.
const OUTPUT_CHUNK = 256 * 1024;

/** Fast settings: the frame is made per request, and most of its bytes are numbers. */
function compressor(encoding: ColumnEncoding, size: number) {
  switch (encoding) {
    case 'zstd':
      return createZstdCompress({
        params: {
          [constants.ZSTD_c_compressionLevel]: 3,
          [constants.ZSTD_c_nbWorkers]: 0,
        },
        pledgedSrcSize: size,
        chunkSize: OUTPUT_CHUNK,
      });
    case 'br':
      return createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
        chunkSize: OUTPUT_CHUNK,
      });
    case 'gzip':
      return createGzip({ level: 1, chunkSize: OUTPUT_CHUNK });
  }
}

/** Whether an If-None-Match header names this tag (weak comparison, as for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

function errorRef(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}
