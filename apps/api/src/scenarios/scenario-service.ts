import type { Dataset } from '@tessera/scenarios';
import { and, desc, eq, sql } from 'drizzle-orm';
import { scenarios } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import {
  checkEditsApply,
  parseScenarioBody,
  scenarioWithDataset,
  type ScenarioBody,
  type StoredScenario,
} from './scenario-body.js';
import type { WorkspaceContext } from '../context.js';

export interface ScenarioSummary {
  id: string;
  name: string;
  datasetId: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScenarioRecord {
  id: string;
  revision: number;
  scenario: Record<string, unknown>;
  updatedAt: Date;
}

/** Saves a new scenario at revision 1, once it parses and its edits apply to its dataset. */
export async function createScenario({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: Record<string, unknown>;
}): Promise<{ id: string; revision: number }> {
  const body = await validScenario(ctx, input);
  const id = newId('scenario');
  await ctx.services.db
    .insert(scenarios)
    .values({
      id,
      workspaceId: ctx.actor.workspaceId,
      datasetId: body.datasetId,
      name: body.scenario.name,
      revision: 1,
      body: body.scenario,
    })
    .catch(datasetDeletedMeanwhile(body));
  return { id, revision: 1 };
}

export async function listScenarios({
  ctx,
}: {
  ctx: WorkspaceContext;
}): Promise<ScenarioSummary[]> {
  return ctx.services.db
    .select({
      id: scenarios.id,
      name: scenarios.name,
      datasetId: scenarios.datasetId,
      revision: scenarios.revision,
      createdAt: scenarios.createdAt,
      updatedAt: scenarios.updatedAt,
    })
    .from(scenarios)
    .where(eq(scenarios.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(scenarios.updatedAt), scenarios.id);
}

export async function getScenario({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { id: string };
}): Promise<ScenarioRecord> {
  const { reads } = ctx.services;
  const { workspaceId } = ctx.actor;
  const kept = reads?.scenario(workspaceId, input.id);
  if (kept) return kept;
  const ticket = reads?.ticket() ?? 0;
  const [row] = await ctx.services.db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, input.id), eq(scenarios.workspaceId, workspaceId)));
  if (!row) throw notFound('scenario', input.id);
  const record: ScenarioRecord = {
    id: row.id,
    revision: row.revision,
    scenario: scenarioWithDataset(row.body as StoredScenario, row.datasetId),
    updatedAt: row.updatedAt,
  };
  reads?.keepScenario(workspaceId, input.id, record, ticket);
  return record;
}

/**
 * Replaces a scenario if it is still at the revision the caller read, and bumps the revision.
 * The check and the write are one `UPDATE … WHERE revision = ?`, so of two saves from the
 * same revision exactly one lands; the other is a CONFLICT naming the current revision.
 */
export async function updateScenario({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { id: string; revision: number; scenario: Record<string, unknown> };
}): Promise<{ id: string; revision: number; updatedAt: Date }> {
  const { db } = ctx.services;
  const mine = and(eq(scenarios.id, input.id), eq(scenarios.workspaceId, ctx.actor.workspaceId));
  const [current] = await db.select({ revision: scenarios.revision }).from(scenarios).where(mine);
  if (!current) throw notFound('scenario', input.id);
  const body = await validScenario(ctx, input.scenario);
  const [saved] = await db
    .update(scenarios)
    .set({
      datasetId: body.datasetId,
      name: body.scenario.name,
      body: body.scenario,
      revision: sql`${scenarios.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(and(mine, eq(scenarios.revision, input.revision)))
    .returning({ revision: scenarios.revision, updatedAt: scenarios.updatedAt })
    .catch(datasetDeletedMeanwhile(body));
  ctx.services.reads?.forgetScenario(ctx.actor.workspaceId, input.id);
  if (saved) return { id: input.id, ...saved };
  const [now] = await db.select({ revision: scenarios.revision }).from(scenarios).where(mine);
  if (!now) throw notFound('scenario', input.id);
  throw new ApiError(
    'CONFLICT',
    `scenario "${input.id}" is at revision ${now.revision}, not ${input.revision}: it was saved since you read it; read it again and apply your change to revision ${now.revision}`,
    { currentRevision: now.revision },
  );
}

/** Deletes a scenario and, with it, its runs. */
export async function deleteScenario({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { id: string };
}): Promise<{ id: string }> {
  const deleted = await ctx.services.db
    .delete(scenarios)
    .where(and(eq(scenarios.id, input.id), eq(scenarios.workspaceId, ctx.actor.workspaceId)))
    .returning({ id: scenarios.id });
  if (deleted.length === 0) throw notFound('scenario', input.id);
  // Its runs went with it (cascade).
  ctx.services.reads?.forgetAll();
  return { id: input.id };
}

/** The body parsed, its dataset found in the workspace and its edits applied once. */
async function validScenario(
  ctx: WorkspaceContext,
  input: Record<string, unknown>,
): Promise<ScenarioBody> {
  const body = parseScenarioBody(input, ctx.services.registry);
  let dataset: Dataset;
  try {
    dataset = await ctx.services.datasets.load(ctx.actor.workspaceId, body.datasetId);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') throw noDataset(body);
    throw error;
  }
  checkEditsApply(dataset, body);
  return body;
}

function noDataset(body: ScenarioBody): ApiError {
  return new ApiError(
    'INVALID',
    `scenario "${body.scenario.name}": dataset.id: no dataset "${body.datasetId}" in this workspace`,
  );
}

/** A write that lost a race with the dataset's deletion fails as if the dataset was never there. */
function datasetDeletedMeanwhile(body: ScenarioBody): (error: unknown) => never {
  return (error) => {
    for (let e: unknown = error; e instanceof Error; e = e.cause) {
      if ((e as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) throw noDataset(body);
    }
    throw error;
  };
}

const FOREIGN_KEY_VIOLATION = '23503';
