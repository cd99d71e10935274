import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addToken, addWorkspace } from '../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;

beforeAll(async () => {
  server = await startTestServer();
  datasetId = await seedDataset(server, { accounts: 300, reps: 6 });
});
afterAll(async () => {
  await server.close();
});

interface ErrorJson {
  code: string;
  message: string;
  details?: { currentRevision?: number };
}

function scenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name: 'West push',
    dataset: { id: datasetId },
    edits: [{ type: 'set-capacity', rep: 'R001', capacity: 500 }],
    strategy: { id: 'geographic', params: { balanceOn: 'workload' } },
    seed: 7,
    ...overrides,
  };
}

function send(method: string, path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return server.api(path, { method, headers, body: JSON.stringify(body) });
}

async function create(body: Record<string, unknown> = scenario()): Promise<string> {
  const response = await send('POST', '/api/scenarios', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function scenarioCount(): Promise<number> {
  return ((await (await server.api('/api/scenarios')).json()) as unknown[]).length;
}

describe('scenarios over HTTP', () => {
  it('saves a scenario at revision 1 and gives it back with its defaults and dataset', async () => {
    const response = await send('POST', '/api/scenarios', scenario({ strategy: undefined }));
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; revision: number };
    expect(created).toEqual({ id: expect.stringMatching(/^sc_/) as unknown, revision: 1 });

    const read = await server.api(`/api/scenarios/${created.id}`);
    expect(read.status).toBe(200);
    const record = (await read.json()) as {
      id: string;
      revision: number;
      scenario: Record<string, unknown>;
      updatedAt: string;
    };
    expect(record.revision).toBe(1);
    expect(record.scenario).toMatchObject({
      version: 1,
      name: 'West push',
      dataset: { id: datasetId },
      strategy: { id: 'geographic', params: {} },
      seed: 7,
      areas: {},
    });
    expect(Date.parse(record.updatedAt)).not.toBeNaN();

    const list = (await (await server.api('/api/scenarios')).json()) as Record<string, unknown>[];
    expect(list).toContainEqual(
      expect.objectContaining({ id: created.id, name: 'West push', datasetId, revision: 1 }),
    );
  });

  it.each([
    ['an unknown strategy', { strategy: { id: 'nowhere' } }, /strategy\.id: .*nowhere/],
    [
      'bad strategy parameters',
      { strategy: { id: 'geographic', params: { balanceOn: 'nothing' } } },
      /strategy\.params\.balanceOn/,
    ],
    [
      'an edit that breaks the schema',
      { edits: [{ type: 'scale', measure: 'potential', factor: -1, accounts: { ids: ['A1'] } }] },
      /edits\[0\]\.factor/,
    ],
    [
      'an edit naming a rep the dataset lacks',
      { edits: [{ type: 'remove-rep', rep: 'R999' }] },
      /edit 1 \(remove-rep\): no rep "R999"/,
    ],
    ['no dataset', { dataset: undefined }, /dataset: must be \{ "id"/],
    ['a dataset that does not exist', { dataset: { id: 'ds_nothing' } }, /no dataset "ds_nothing"/],
    ['another format version', { version: 2 }, /version/],
  ])('refuses %s as 422 with the reason, storing nothing', async (_what, change, reason) => {
    const before = await scenarioCount();
    const response = await send('POST', '/api/scenarios', scenario(change));
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorJson;
    expect(body.code).toBe('INVALID');
    expect(body.message).toMatch(reason);
    expect(body.message).toMatch(/^scenario "West push"/);
    expect(await scenarioCount()).toBe(before);
  });

  it('refuses a dataset of another workspace as if it did not exist', async () => {
    const other = await addWorkspace(server);
    const theirs = await seedDataset(server, {
      accounts: 20,
      reps: 2,
      workspaceId: other.workspaceId,
    });
    const response = await send('POST', '/api/scenarios', scenario({ dataset: { id: theirs } }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorJson).message).toContain(`no dataset "${theirs}"`);
  });

  it('saves at the revision read and bumps it; a stale revision is 409 and overwrites nothing', async () => {
    const id = await create();
    // Read first, as an editor does: the next read must still see the save (the embedded
    // server keeps scenarios it read).
    const read = (await (await server.api(`/api/scenarios/${id}`)).json()) as { revision: number };
    expect(read.revision).toBe(1);
    const saved = await send('PUT', `/api/scenarios/${id}`, {
      revision: 1,
      scenario: scenario({ name: 'West push, v2' }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ id, revision: 2 });

    const stale = await send('PUT', `/api/scenarios/${id}`, {
      revision: 1,
      scenario: scenario({ name: 'from an old tab' }),
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as ErrorJson;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('revision 2');
    expect(conflict.details).toEqual({ currentRevision: 2 });

    const record = (await (await server.api(`/api/scenarios/${id}`)).json()) as {
      revision: number;
      scenario: { name: string };
    };
    expect(record.revision).toBe(2);
    expect(record.scenario.name).toBe('West push, v2');
  });

  it('lets exactly one of two concurrent saves at the same revision win', async () => {
    const id = await create();
    const responses = await Promise.all(
      ['tab A', 'tab B'].map((name) =>
        send('PUT', `/api/scenarios/${id}`, { revision: 1, scenario: scenario({ name }) }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(await winner.json()).toMatchObject({ revision: 2 });
    const record = (await (await server.api(`/api/scenarios/${id}`)).json()) as {
      revision: number;
      scenario: { name: string };
    };
    expect(record.revision).toBe(2);
    expect(['tab A', 'tab B']).toContain(record.scenario.name);
  });

  it('refuses an invalid save with the reason and keeps the stored revision', async () => {
    const id = await create();
    const response = await send('PUT', `/api/scenarios/${id}`, {
      revision: 1,
      scenario: scenario({ strategy: { id: 'nowhere' } }),
    });
    expect(response.status).toBe(422);
    const record = (await (await server.api(`/api/scenarios/${id}`)).json()) as {
      revision: number;
    };
    expect(record.revision).toBe(1);
  });

  it('deletes a scenario; then it is 404', async () => {
    const id = await create();
    const deleted = await server.api(`/api/scenarios/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await server.api(`/api/scenarios/${id}`)).status).toBe(404);
    const again = await server.api(`/api/scenarios/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorJson).message).toBe(`scenario "${id}" not found`);
  });

  it("answers another workspace's scenario as 404 and never lists it", async () => {
    const id = await create();
    const other = await addWorkspace(server);
    const get = await server.api(`/api/scenarios/${id}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(get.status).toBe(404);
    const put = await send(
      'PUT',
      `/api/scenarios/${id}`,
      { revision: 1, scenario: scenario() },
      other.token,
    );
    expect(put.status).toBe(404);
    const del = await server.api(`/api/scenarios/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(del.status).toBe(404);
    const list = await server.api('/api/scenarios', {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(await list.json()).toEqual([]);
    expect((await server.api(`/api/scenarios/${id}`)).status).toBe(200);
  });

  it('lets a viewer read but not write, and a planner write', async () => {
    const id = await create();
    const viewer = await addToken(server, 'viewer');
    const planner = await addToken(server, 'planner');
    const read = await server.api(`/api/scenarios/${id}`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(read.status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/api/scenarios', scenario()],
      ['PUT', `/api/scenarios/${id}`, { revision: 1, scenario: scenario() }],
      ['DELETE', `/api/scenarios/${id}`, undefined],
    ] as const) {
      const response = await send(method, path, body, viewer);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as ErrorJson).message).toContain('planner role');
    }
    expect((await send('POST', '/api/scenarios', scenario(), planner)).status).toBe(201);
  });

  it('documents the scenario body with the scenario format', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/scenarios', '/scenarios/{id}']),
    );
    const create = JSON.stringify(doc.paths['/scenarios']!.post);
    expect(create).toContain('"201"');
    expect(create).toContain('"add-rep"'); // the example
    // Where the scenario is a field, the document carries the scenario format's schema.
    const update = JSON.stringify(doc.paths['/scenarios/{id}']!.put);
    expect(update).toContain('"remove-accounts"');
    expect(JSON.stringify(doc.paths['/scenarios/{id}']!.get)).toContain('"remove-accounts"');
  });
});
