// The OpenAPI document is usable by a third-party generator: openapi-typescript turns
// GET /api/openapi.json into types, a client written with openapi-fetch against them type-checks
// (and a call with a wrong parameter does not), and it runs the integrator's path over plain
// REST: upload, two scenarios, run both, poll, download a plan, compare.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './api-test-server.js';

// Beside the README examples' scratch files: ignored by git, lint and format alike.
const generated = resolve(import.meta.dirname, '../.examples/openapi-client');

/** What an integrator writes with openapi-fetch; `paths` is the generated document. */
const REST_CALLS = `
import createClient from 'openapi-fetch';
import type { paths } from './tessera-api.js';

export interface Outcome {
  datasetId: string;
  statuses: string[];
  planHeader: string;
  planRows: number;
  compared: string[];
  accountsMoved: number;
}

export async function run(
  url: string,
  token: string,
  csv: { accounts: string; reps: string },
): Promise<Outcome> {
  const api = createClient<paths>({
    baseUrl: url + '/api',
    headers: { authorization: 'Bearer ' + token },
  });

  const upload = await api.POST('/datasets', {
    body: { name: 'REST sample', accounts: csv.accounts, reps: csv.reps },
    bodySerializer: (body) => {
      const form = new FormData();
      form.set('name', body.name);
      form.set('accounts', new Blob([body.accounts], { type: 'text/csv' }), 'accounts.csv');
      form.set('reps', new Blob([body.reps], { type: 'text/csv' }), 'reps.csv');
      return form;
    },
  });
  if (!upload.data) throw new Error('upload: ' + JSON.stringify(upload.error));
  const datasetId = upload.data.id;

  const runIds: string[] = [];
  for (const strategy of [
    { id: 'nearest', params: {} },
    { id: 'geographic', params: { tolerance: 0.1 } },
  ]) {
    const created = await api.POST('/scenarios', {
      body: { version: 1, name: strategy.id, dataset: { id: datasetId }, strategy, seed: 1 },
    });
    if (!created.data) throw new Error('scenario: ' + JSON.stringify(created.error));
    const started = await api.POST('/scenarios/{scenarioId}/runs', {
      params: { path: { scenarioId: created.data.id } },
    });
    if (!started.data) throw new Error('run: ' + JSON.stringify(started.error));
    runIds.push(started.data.runId);
  }

  const statuses: string[] = [];
  for (const runId of runIds) {
    for (;;) {
      const polled = await api.GET('/runs/{runId}', { params: { path: { runId } } });
      if (!polled.data) throw new Error('poll: ' + JSON.stringify(polled.error));
      const { status } = polled.data;
      if (status === 'done' || status === 'failed' || status === 'cancelled') {
        statuses.push(status);
        break;
      }
      await new Promise((wake) => setTimeout(wake, 200));
    }
  }

  const plan = await api.GET('/runs/{runId}/plan.csv', {
    params: { path: { runId: runIds[1]! } },
    parseAs: 'text',
  });
  if (plan.data === undefined) throw new Error('plan.csv: ' + JSON.stringify(plan.error));
  const lines = plan.data.trim().split('\\n');

  const comparison = await api.POST('/comparisons', { body: { runs: runIds } });
  if (!comparison.data) throw new Error('comparison: ' + JSON.stringify(comparison.error));
  return {
    datasetId,
    statuses,
    planHeader: lines[0]!,
    planRows: lines.length - 1,
    compared: comparison.data.scenarios.map((s) => s.name),
    accountsMoved: comparison.data.pairs[0]!.accountsMoved,
  };
}
`;

/** A dataset's boundaries file sent and read back: the body and the answer are typed. */
const BOUNDARIES_CALLS = `
import createClient from 'openapi-fetch';
import type { paths } from './tessera-api.js';

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000/api' });

export async function attach(id: string, features: unknown[]): Promise<number> {
  const put = await api.PUT('/datasets/{id}/boundaries', {
    params: { path: { id } },
    body: { geojson: { type: 'FeatureCollection', features }, idProperty: 'NUTS_ID' },
  });
  if (!put.data) throw new Error(put.error.message);
  const read = await api.GET('/datasets/{id}/boundaries', { params: { path: { id } } });
  await api.DELETE('/datasets/{id}/boundaries', { params: { path: { id } } });
  return put.data.blocks + (read.data?.idProperty?.length ?? 0);
}
`;

/** The same client with a mistake a generated type must catch: a path parameter misnamed. */
const MISTAKE = `
import createClient from 'openapi-fetch';
import type { paths } from './tessera-api.js';

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000/api' });
export const wrong = api.GET('/runs/{runId}', { params: { path: { run: 'run_1' } } });
`;

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noEmit: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as object;
  await mkdir(generated, { recursive: true });
  const types = astToString(await openapiTS(document as never));
  await writeFile(join(generated, 'tessera-api.d.ts'), types);
  await writeFile(join(generated, 'rest-calls.ts'), REST_CALLS);
  await writeFile(join(generated, 'mistake.ts'), MISTAKE);
  await writeFile(join(generated, 'boundaries-calls.ts'), BOUNDARIES_CALLS);
});
afterAll(async () => {
  await server.close();
});

describe('a client generated from /api/openapi.json', () => {
  it('type-checks against the generated types', () => {
    expect(typeErrors(join(generated, 'rest-calls.ts'))).toEqual([]);
  });

  it("types a dataset's boundaries routes", () => {
    expect(typeErrors(join(generated, 'boundaries-calls.ts'))).toEqual([]);
  });

  it('catches a misnamed parameter', () => {
    const errors = typeErrors(join(generated, 'mistake.ts'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/'run' does not exist in type/);
  });

  it('uploads, runs two scenarios, polls, downloads the plan and compares over REST', async () => {
    const sample = generateSample({ accounts: 2000, reps: 12, seed: 3, places: loadUsPlaces() });
    const { run } = (await import(join(generated, 'rest-calls.ts'))) as {
      run: (
        url: string,
        token: string,
        csv: { accounts: string; reps: string },
      ) => Promise<{
        datasetId: string;
        statuses: string[];
        planHeader: string;
        planRows: number;
        compared: string[];
        accountsMoved: number;
      }>;
    };
    const outcome = await run(server.url, server.token, {
      accounts: [...accountsToCsv(sample.accounts)].join(''),
      reps: [...repsToCsv(sample.reps)].join(''),
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\nthe server logged:\n${server.logged.join('\n')}`);
    });
    expect(outcome.datasetId).toMatch(/\S/);
    expect(outcome.statuses).toEqual(['done', 'done']);
    expect(outcome.planHeader).toBe('account_id,territory_id,rep_id');
    expect(outcome.planRows).toBe(2000);
    expect(outcome.compared).toEqual(['nearest', 'geographic']);
    expect(outcome.accountsMoved).toBeGreaterThan(0);
  }, 120_000);
});
