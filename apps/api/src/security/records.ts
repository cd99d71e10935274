import { expect } from 'vitest';
import { jitteredTiling } from '../testing/tiling.js';
import type { WorkspaceCaller } from './route-security.js';

// Records the security checks point at, each made in the caller's workspace through the REST
// surface with that workspace's admin token.

async function call(caller: WorkspaceCaller, method: string, path: string, body?: unknown) {
  const response = await fetch(`${caller.server.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
}

const datasets = new Map<string, Promise<string>>();

/** One small dataset per workspace, shared by the routes that need one. */
export function datasetIn(caller: WorkspaceCaller): Promise<string> {
  let id = datasets.get(caller.workspaceId);
  if (!id) {
    id = sampleDatasetIn(caller);
    datasets.set(caller.workspaceId, id);
  }
  return id;
}

/** A small generated dataset, made through `POST /api/datasets/sample`. */
export async function sampleDatasetIn(caller: WorkspaceCaller): Promise<string> {
  return (await call(caller, 'POST', '/datasets/sample', { accounts: 60, reps: 3 })).id as string;
}

/** A boundaries file for a dataset: a small tiling over the sample's part of the world. */
export function boundariesBody(): Record<string, unknown> {
  return { geojson: jitteredTiling([-180, -90, 180, 90], 3, 2), idProperty: 'NUTS_ID' };
}

/** A dataset of its own with a boundaries file (its boundaries routes change or remove it). */
export async function boundariesDatasetIn(caller: WorkspaceCaller): Promise<string> {
  const id = await sampleDatasetIn(caller);
  await call(caller, 'PUT', `/datasets/${id}/boundaries`, boundariesBody());
  return id;
}

export async function scenarioBody(caller: WorkspaceCaller): Promise<Record<string, unknown>> {
  return {
    version: 1,
    name: 'security suite',
    dataset: { id: await datasetIn(caller) },
    strategy: { id: 'geographic' },
    seed: 1,
  };
}

export async function scenarioIn(caller: WorkspaceCaller): Promise<string> {
  return (await call(caller, 'POST', '/scenarios', await scenarioBody(caller))).id as string;
}

export async function runIn(caller: WorkspaceCaller): Promise<string> {
  const scenarioId = await scenarioIn(caller);
  return (await call(caller, 'POST', `/scenarios/${scenarioId}/runs`, {})).runId as string;
}

/** A run that has finished, for the downloads; polls its status until then. */
export async function doneRunIn(caller: WorkspaceCaller): Promise<string> {
  const runId = await runIn(caller);
  for (;;) {
    const run = await call(caller, 'GET', `/runs/${runId}`);
    if (run.status === 'done') return runId;
    expect(['queued', 'running'], JSON.stringify(run)).toContain(run.status);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const finishedPairs = new Map<string, Promise<string[]>>();

/** Two finished runs per workspace, shared by every comparison the checks ask for. */
export function twoDoneRunsIn(caller: WorkspaceCaller): Promise<string[]> {
  let pair = finishedPairs.get(caller.workspaceId);
  if (!pair) {
    pair = Promise.all([doneRunIn(caller), doneRunIn(caller)]);
    finishedPairs.set(caller.workspaceId, pair);
  }
  return pair;
}

export async function sweepIn(caller: WorkspaceCaller): Promise<string> {
  const scenarioId = await scenarioIn(caller);
  return (await call(caller, 'POST', '/sweeps', { scenarioId, grid: { k: [2] } })).id as string;
}

export async function tokenIn(caller: WorkspaceCaller): Promise<string> {
  return (await call(caller, 'POST', '/tokens', { name: 'to revoke', role: 'viewer' }))
    .id as string;
}

export async function memberIn(caller: WorkspaceCaller): Promise<string> {
  return (await call(caller, 'POST', '/members', newMember())).userId as string;
}

let members = 0;
export function newMember(): { email: string; password: string; role: 'viewer' } {
  members += 1;
  return {
    email: `member-${members}@example.com`,
    password: 'a long enough password',
    role: 'viewer',
  };
}

export function uploadForm(): FormData {
  const form = new FormData();
  form.set('name', 'uploaded by the security suite');
  form.set(
    'accounts',
    new Blob(['id,lat,lon,workload\nA1,40.7,-74.0,3\nA2,34.1,-118.2,5\n'], { type: 'text/csv' }),
    'accounts.csv',
  );
  form.set(
    'reps',
    new Blob(['id,lat,lon,capacity\nR1,40.7,-74.0,10\n'], { type: 'text/csv' }),
    'reps.csv',
  );
  return form;
}
