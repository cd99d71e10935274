import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetParts, datasets, scenarios } from '../db/schema/index.js';
import { newId } from '../ids.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addToken } from '../testing/workspace-tokens.js';

interface Created {
  id: string;
  name: string;
  accounts: number;
  reps: number;
  warnings: string[];
}

interface AccountRow {
  id: string;
  region: string | null;
  potential: number | null;
  employees: number | null;
  [key: string]: unknown;
}

interface Page {
  rows: AccountRow[];
  nextCursor: string | null;
  total: number;
}

interface Failure {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

// Input the schemas refuse is code INVALID; trpc-to-openapi answers it 400 where a service's own
// INVALID is 422.
const INPUT_REFUSED = [400, 422];

let server: TestServer;
let sample: Created;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.api(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

/** Every page of a listing, following the cursors. */
async function allPages(id: string, query: string): Promise<{ rows: AccountRow[]; pages: Page[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await json(
      server.api(
        `/api/datasets/${id}/accounts?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    );
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return { rows: pages.flatMap((p) => p.rows), pages };
}

beforeAll(async () => {
  server = await startTestServer();
  const response = await post('/api/datasets/sample', { accounts: 500, reps: 5, seed: 7 });
  expect(response.status).toBe(201);
  sample = await json<Created>(response);
});
afterAll(async () => {
  await server.close();
});

describe('POST /api/datasets/sample', () => {
  it('generates and stores realistic accounts and reps, the same for the same seed', async () => {
    expect(sample).toMatchObject({ accounts: 500, reps: 5, warnings: [] });
    expect(sample.name).toContain('500 accounts');
    const again = await json<Created>(
      post('/api/datasets/sample', { name: 'again', accounts: 500, reps: 5, seed: 7 }),
    );
    expect(again.name).toBe('again');
    const first = await json<Page>(server.api(`/api/datasets/${sample.id}/accounts?limit=20`));
    const second = await json<Page>(server.api(`/api/datasets/${again.id}/accounts?limit=20`));
    expect(second.rows).toEqual(first.rows);
    const summary = await json<{ located: number; columns: { accounts: string[] } }>(
      server.api(`/api/datasets/${sample.id}`),
    );
    expect(summary.located).toBe(500);
    expect(summary.columns.accounts).toEqual(expect.arrayContaining(['lat', 'region', 'owner']));
  });

  it('takes defaults from an empty body', async () => {
    const response = await post('/api/datasets/sample', {});
    expect(response.status).toBe(201);
    expect(await json<Created>(response)).toMatchObject({ accounts: 10_000, reps: 50 });
  });

  it('refuses more than 200,000 accounts, and a viewer', async () => {
    const tooMany = await post('/api/datasets/sample', { accounts: 200_001 });
    expect(INPUT_REFUSED).toContain(tooMany.status);
    expect(await json<Failure>(tooMany)).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('accounts') as unknown,
    });
    const viewer = await addToken(server, 'viewer');
    const refused = await post('/api/datasets/sample', {}, { authorization: `Bearer ${viewer}` });
    expect(refused.status).toBe(403);
  });
});

describe('GET /api/datasets', () => {
  it('lists the datasets newest first, without their warnings', async () => {
    const newest = await json<Created>(
      post('/api/datasets/sample', { name: 'newest', accounts: 10, reps: 2 }),
    );
    const list = await json<{ id: string; createdAt: string; warnings?: unknown }[]>(
      server.api('/api/datasets'),
    );
    expect(list[0]!.id).toBe(newest.id);
    expect(list.map((d) => d.id)).toContain(sample.id);
    const times = list.map((d) => Date.parse(d.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(list[0]).not.toHaveProperty('warnings');
  });

  it('answers 404 for an id that is not there', async () => {
    const response = await server.api('/api/datasets/ds_nothing');
    expect(response.status).toBe(404);
    expect((await json<Failure>(response)).message).toContain('ds_nothing');
  });
});

describe('GET /api/datasets/{id}/accounts', () => {
  it('pages through every account in table order', async () => {
    const { rows, pages } = await allPages(sample.id, 'limit=120');
    expect(pages.map((p) => p.rows.length)).toEqual([120, 120, 120, 120, 20]);
    expect(pages.every((p) => p.total === 500)).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(500);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'id',
        'name',
        'lat',
        'lon',
        'postalCode',
        'region',
        'country',
        'industry',
        'employees',
        'annualRevenue',
        'potential',
        'revenue',
        'workload',
        'owner',
        'locked',
        'skillsRequired',
        'attributes',
      ].sort(),
    );
  });

  it('defaults to 100 rows a page', async () => {
    const page = await json<Page>(server.api(`/api/datasets/${sample.id}/accounts`));
    expect(page.rows).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
  });

  it('filters with the filter language, total counting every match', async () => {
    const filter = encodeURIComponent('employees >= 100 and potential is not null');
    const { rows, pages } = await allPages(sample.id, `limit=37&filter=${filter}`);
    expect(rows.length).toBe(pages[0]!.total);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(500);
    expect(rows.every((r) => r.employees! >= 100 && r.potential !== null)).toBe(true);
    // The pages of a filter are the matching rows of the unfiltered listing, in its order.
    const everything = (await allPages(sample.id, 'limit=1000')).rows;
    const expected = everything.filter((r) => r.employees! >= 100 && r.potential !== null);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('ends with a null cursor when nothing matches', async () => {
    const page = await json<Page>(
      server.api(`/api/datasets/${sample.id}/accounts?filter=${encodeURIComponent('not all')}`),
    );
    expect(page).toEqual({ rows: [], nextCursor: null, total: 0 });
  });

  it('refuses a bad filter with the position and reason, and an unknown column', async () => {
    const bad = await server.api(
      `/api/datasets/${sample.id}/accounts?filter=${encodeURIComponent('potential >> 3')}`,
    );
    expect(bad.status).toBe(422);
    const body = await json<Failure>(bad);
    expect(body.message).toBe('filter "potential >> 3": position 11: unexpected ">>"');
    expect(body.details).toEqual({
      filter: 'potential >> 3',
      position: 11,
      reason: 'unexpected ">>"',
    });
    const unknown = await server.api(
      `/api/datasets/${sample.id}/accounts?filter=${encodeURIComponent('attr.tier = "A"')}`,
    );
    expect(unknown.status).toBe(422);
    expect((await json<Failure>(unknown)).message).toContain('unknown attribute column "tier"');
  });

  it('refuses a made-up cursor and a limit over 1000', async () => {
    for (const query of [
      'cursor=nonsense',
      `cursor=${Buffer.from('r501').toString('base64url')}`,
    ]) {
      const response = await server.api(`/api/datasets/${sample.id}/accounts?${query}`);
      expect(response.status).toBe(422);
      expect((await json<Failure>(response)).message).toContain('cursor');
    }
    const tooMany = await server.api(`/api/datasets/${sample.id}/accounts?limit=1001`);
    expect(INPUT_REFUSED).toContain(tooMany.status);
    expect(await json<Failure>(tooMany)).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('limit') as unknown,
    });
  });
});

describe('DELETE /api/datasets/{id}', () => {
  it('deletes the dataset with its parts and scenarios; a viewer may not', async () => {
    const doomed = await json<Created>(post('/api/datasets/sample', { accounts: 20, reps: 2 }));
    const [workspace] = await server.services.db
      .select({ id: datasets.workspaceId })
      .from(datasets)
      .where(eq(datasets.id, doomed.id));
    const scenarioId = newId('scenario');
    await server.services.db.insert(scenarios).values({
      id: scenarioId,
      workspaceId: workspace!.id,
      datasetId: doomed.id,
      name: 'on the doomed dataset',
      revision: 1,
      body: {},
    });

    const viewer = await addToken(server, 'viewer');
    const refused = await server.api(`/api/datasets/${doomed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(refused.status).toBe(403);

    const response = await server.api(`/api/datasets/${doomed.id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: doomed.id, deleted: true });
    expect((await server.api(`/api/datasets/${doomed.id}`)).status).toBe(404);
    expect((await server.api(`/api/datasets/${doomed.id}/accounts`)).status).toBe(404);
    const db = server.services.db;
    expect(await db.$count(datasetParts, eq(datasetParts.datasetId, doomed.id))).toBe(0);
    expect(await db.$count(scenarios, eq(scenarios.id, scenarioId))).toBe(0);
    const again = await server.api(`/api/datasets/${doomed.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});
