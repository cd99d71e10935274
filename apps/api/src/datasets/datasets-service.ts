import { and, desc, eq } from 'drizzle-orm';
import type { Dataset } from '@tessera/scenarios';
import type { z } from 'zod';
import type { WorkspaceContext } from '../context.js';
import { datasets } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import type {
  createdDatasetSchema,
  datasetListItemSchema,
  datasetSummarySchema,
} from './dataset-schemas.js';
import { saveDataset, type DatasetRecord } from './save-dataset.js';

/** A service call: who acts in which workspace, and what they asked for (validated). */
export interface ServiceCall<I> {
  ctx: WorkspaceContext;
  input: I;
}

export type CreatedDataset = z.infer<typeof createdDatasetSchema>;
export type DatasetSummaryView = z.infer<typeof datasetSummarySchema>;
export type DatasetListItem = z.infer<typeof datasetListItemSchema>;

/** Stores tables already read (an upload, a generated sample) as a dataset of the workspace. */
export async function createDataset({
  ctx,
  input,
}: ServiceCall<{ name: string; dataset: Dataset; warnings: string[] }>): Promise<CreatedDataset> {
  const { workspaceId } = ctx.actor;
  const record = await saveDataset(ctx.services.db, { workspaceId, ...input });
  // Whoever uploads a dataset usually looks at it next: keep the tables just read.
  ctx.services.datasets.remember(workspaceId, record.id, input.dataset);
  return {
    id: record.id,
    name: record.name,
    accounts: record.accounts,
    reps: record.reps,
    warnings: record.warnings,
  };
}

/** The workspace's datasets, newest first. */
export async function listDatasets({ ctx }: ServiceCall<void>): Promise<DatasetListItem[]> {
  const records = await ctx.services.db
    .select()
    .from(datasets)
    .where(eq(datasets.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(datasets.createdAt), desc(datasets.id));
  return records.map((record) => {
    const { warnings: _warnings, ...item } = summaryView(record);
    return item;
  });
}

export async function getDataset({
  ctx,
  input,
}: ServiceCall<{ id: string }>): Promise<DatasetSummaryView> {
  const [record] = await ctx.services.db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, input.id), eq(datasets.workspaceId, ctx.actor.workspaceId)));
  if (!record) throw notFound('dataset', input.id);
  return summaryView(record);
}

/** Deletes a dataset; its parts, scenarios and runs go with it (foreign keys cascade). */
export async function deleteDataset({ ctx, input }: ServiceCall<{ id: string }>): Promise<void> {
  const { workspaceId } = ctx.actor;
  const deleted = await ctx.services.db
    .delete(datasets)
    .where(and(eq(datasets.id, input.id), eq(datasets.workspaceId, workspaceId)))
    .returning({ id: datasets.id });
  if (deleted.length === 0) throw notFound('dataset', input.id);
  ctx.services.datasets.forget(workspaceId, input.id);
  // Its scenarios and runs went with it (cascade).
  ctx.services.reads?.forgetAll();
}

function summaryView(record: DatasetRecord): DatasetSummaryView {
  return {
    id: record.id,
    name: record.name,
    accounts: record.accounts,
    reps: record.reps,
    warnings: record.warnings,
    createdAt: record.createdAt.toISOString(),
    ...record.summary,
  };
}
