import { randomBytes } from 'node:crypto';
import { blocksFromGeoJson, TesseraError, type BlockSet } from '@tessera/core';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { WorkspaceContext } from '../context.js';
import { datasetBoundaries, datasets } from '../db/schema/index.js';
import type { ServiceCall } from '../datasets/datasets-service.js';
import { sqlBytes } from '../datasets/part-chunks.js';
import { ApiError, notFound } from '../errors.js';
import { blockOptions, compressGeoJson } from './boundaries-codec.js';
import type { boundariesInputSchema, boundariesSummarySchema } from './boundaries-schemas.js';

export type BoundariesInput = z.infer<typeof boundariesInputSchema>;
export type BoundariesSummary = z.infer<typeof boundariesSummarySchema>;

/**
 * Gives a dataset its building blocks, replacing any file it had: validated as runs will read
 * it (a bad feature is 422 naming it), stored compressed, its blocks kept for this process.
 */
export async function putBoundaries({
  ctx,
  input,
}: ServiceCall<BoundariesInput>): Promise<BoundariesSummary> {
  await requireDataset(ctx, input.id);
  const options = {
    idProperty: input.idProperty ?? null,
    nameProperty: input.nameProperty ?? null,
  };
  let blocks: BlockSet;
  try {
    blocks = blocksFromGeoJson(input.geojson, blockOptions(options));
  } catch (error) {
    if (error instanceof TesseraError) {
      throw new ApiError('INVALID', error.message, { code: error.code });
    }
    throw error;
  }
  const text = JSON.stringify(input.geojson);
  const row = {
    version: randomBytes(12).toString('base64url'),
    ...options,
    blocks: blocks.length,
    bytes: Buffer.byteLength(text),
    geojson: sqlBytes(compressGeoJson(text)),
    uploadedAt: new Date(),
  };
  const [previous] = await ctx.services.db
    .select({ version: datasetBoundaries.version })
    .from(datasetBoundaries)
    .where(eq(datasetBoundaries.datasetId, input.id));
  const [stored] = await ctx.services.db
    .insert(datasetBoundaries)
    .values({ datasetId: input.id, ...row })
    .onConflictDoUpdate({ target: datasetBoundaries.datasetId, set: row })
    .returning(summaryColumns);
  if (previous) ctx.services.boundaries.forget(previous.version);
  ctx.services.boundaries.remember(row.version, blocks);
  return summaryView(stored!);
}

/** What a dataset's boundaries file holds; 404 when the dataset has none. */
export async function getBoundaries({
  ctx,
  input,
}: ServiceCall<{ id: string }>): Promise<BoundariesSummary> {
  await requireDataset(ctx, input.id);
  const [row] = await ctx.services.db
    .select(summaryColumns)
    .from(datasetBoundaries)
    .where(eq(datasetBoundaries.datasetId, input.id));
  if (!row) throw noBoundaries(input.id);
  return summaryView(row);
}

/** Removes a dataset's boundaries file: later runs have no blocks of their own. */
export async function deleteBoundaries({ ctx, input }: ServiceCall<{ id: string }>): Promise<void> {
  await requireDataset(ctx, input.id);
  const deleted = await ctx.services.db
    .delete(datasetBoundaries)
    .where(eq(datasetBoundaries.datasetId, input.id))
    .returning({ version: datasetBoundaries.version });
  if (deleted.length === 0) throw noBoundaries(input.id);
  ctx.services.boundaries.forget(deleted[0]!.version);
}

const summaryColumns = {
  id: datasetBoundaries.datasetId,
  blocks: datasetBoundaries.blocks,
  idProperty: datasetBoundaries.idProperty,
  nameProperty: datasetBoundaries.nameProperty,
  bytes: datasetBoundaries.bytes,
  uploadedAt: datasetBoundaries.uploadedAt,
};

function summaryView(row: Omit<BoundariesSummary, 'uploadedAt'> & { uploadedAt: Date }) {
  return { ...row, uploadedAt: row.uploadedAt.toISOString() };
}

/** 404 unless the dataset is the workspace's: another workspace's is as if it did not exist. */
async function requireDataset(ctx: WorkspaceContext, datasetId: string): Promise<void> {
  const [dataset] = await ctx.services.db
    .select({ id: datasets.id })
    .from(datasets)
    .where(and(eq(datasets.id, datasetId), eq(datasets.workspaceId, ctx.actor.workspaceId)));
  if (!dataset) throw notFound('dataset', datasetId);
}

function noBoundaries(datasetId: string): ApiError {
  return new ApiError('NOT_FOUND', `dataset "${datasetId}" has no boundaries file`);
}
