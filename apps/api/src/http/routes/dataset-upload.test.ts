import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { datasetParts, datasets } from '../../db/schema/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { addToken, addWorkspace } from '../../testing/workspace-tokens.js';

const ACCOUNTS = [
  'id,name,lat,lon,region,industry,potential,revenue,workload,owner,segment',
  'a1,Acme,40.7,-74.0,East,retail,100,10,2,r1,gold',
  'a2,Globex,34.05,-118.24,West,healthcare,200,20,3,r2,silver',
  'a3,Initech,,,West,retail,50,,1.5,r9,',
].join('\n');
const REPS = ['id,name,lat,lon,capacity', 'r1,Ann,40,-75,10', 'r2,Bob,35,-118,10'].join('\n');
const PLAN = ['account_id,territory_id,rep_id', 'a1,T1,r1', 'a2,T2,r2'].join('\n');

interface Created {
  id: string;
  name: string;
  accounts: number;
  reps: number;
  warnings: string[];
}

interface Failure {
  code: string;
  message: string;
  details?: {
    issues: Record<string, unknown>[];
    total?: number;
  };
}

function csv(text: string, type = 'text/csv'): Blob {
  return new Blob([text], { type });
}

function form(parts: Record<string, Blob | string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') body.append(name, value);
    else body.append(name, value, `${name}.csv`);
  }
  return body;
}

let server: TestServer;

const upload = (body: FormData | string, headers: Record<string, string> = {}) =>
  server.api('/api/datasets', { method: 'POST', body, headers });

async function storedCounts(): Promise<{ datasets: number; parts: number }> {
  const db = server.services.db;
  return { datasets: await db.$count(datasets), parts: await db.$count(datasetParts) };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('POST /api/datasets', () => {
  it('imports accounts, reps and a baseline, and summarises them', async () => {
    const response = await upload(
      form({ name: ' Q3 plan ', accounts: csv(ACCOUNTS), reps: csv(REPS), baseline: csv(PLAN) }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created).toMatchObject({ name: 'Q3 plan', accounts: 3, reps: 2 });
    expect(created.id).toMatch(/^ds_/);
    expect(created.warnings).toEqual([
      'accounts line 4, column "owner": value "r9" names no rep in the rep table; the account counts as unowned',
    ]);

    const summary = (await (await server.api(`/api/datasets/${created.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(summary).toMatchObject({
      id: created.id,
      accounts: 3,
      reps: 2,
      totals: { workload: 6.5, potential: 350, revenue: 30 },
      bounds: [-118.24, 34.05, -74, 40.7],
      located: 2,
      baseline: true,
      columns: {
        accounts: [
          'id',
          'name',
          'lat',
          'lon',
          'region',
          'industry',
          'potential',
          'revenue',
          'workload',
          'owner',
          'segment',
        ],
        reps: ['id', 'name', 'lat', 'lon', 'capacity'],
      },
      attributes: { accounts: ['segment'], reps: [] },
    });
  });

  it('tells alike warnings once, with how many rows and where', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `g${i},r9`);
    const accounts = ['id,owner', ...rows, 'h1,r8'].join('\n');
    const response = await upload(
      form({ name: 'owners', accounts: csv(accounts), reps: csv(REPS) }),
    );
    expect(response.status).toBe(201);
    const reason = 'names no rep in the rep table; the account counts as unowned';
    expect(((await response.json()) as Created).warnings).toEqual([
      `accounts, column "owner": value "r9" ${reason} (7 rows: lines 2, 3, 4, 5, 6, …)`,
      `accounts line 9, column "owner": value "r8" ${reason}`,
    ]);
  });

  it('refuses a file with a bad row, listing every error of every file, and stores nothing', async () => {
    const before = await storedCounts();
    const accounts = `${ACCOUNTS}\na4,Bad,95,-74,East,retail,1,1,1,r1,\na1,Again,1,1,,,,,,,`;
    const reps = `${REPS}\nr3,Cy,40,-75,-5`;
    const response = await upload(form({ name: 'bad', accounts: csv(accounts), reps: csv(reps) }));
    expect(response.status).toBe(422);
    const body = (await response.json()) as Failure;
    expect(body.code).toBe('INVALID');
    expect(body.message).toMatch(/^the dataset was not imported: reps: line 4, column "capacity"/);
    expect(body.details?.total).toBe(3);
    expect(body.details?.issues).toEqual([
      {
        file: 'reps',
        line: 4,
        column: 'capacity',
        value: '-5',
        reason: expect.any(String) as unknown,
      },
      {
        file: 'accounts',
        line: 5,
        column: 'lat',
        value: '95',
        reason: expect.any(String) as unknown,
      },
      {
        file: 'accounts',
        line: 6,
        column: 'id',
        value: 'a1',
        reason: expect.any(String) as unknown,
      },
    ]);
    expect(await storedCounts()).toEqual(before);
  });

  it('lists at most 100 issues and counts them all', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `b${i},x,100,0`);
    const response = await upload(
      form({
        name: 'many',
        accounts: csv(['id,name,lat,lon', ...bad].join('\n')),
        reps: csv(REPS),
      }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as Failure;
    expect(body.details?.issues).toHaveLength(100);
    expect(body.details?.total).toBe(150);
  });

  it('checks a baseline against the tables it was made for', async () => {
    const plan = `${PLAN}\nzz,T1,r1`;
    const response = await upload(
      form({ name: 'b', accounts: csv(ACCOUNTS), reps: csv(REPS), baseline: csv(plan) }),
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as Failure).details?.issues).toEqual([
      {
        file: 'baseline',
        line: 4,
        column: 'account_id',
        value: 'zz',
        reason: 'names no account in the account table',
      },
    ]);
  });

  it('reports bytes that are not UTF-8 as an issue of the file', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,name\na1,'), 0xff, 0xfe, 0x0a]);
    const response = await upload(
      form({ name: 'x', accounts: new Blob([bytes]), reps: csv(REPS) }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as Failure;
    expect(body.details?.issues[0]).toMatchObject({ file: 'accounts' });
    expect(String(body.details?.issues[0]?.reason)).toContain('UTF-8');
  });

  it('names a missing, a non-file, a non-CSV or an unknown part', async () => {
    const cases: [FormData, string][] = [
      [form({ name: 'x', accounts: csv(ACCOUNTS) }), 'reps: missing'],
      [form({ name: 'x', accounts: ACCOUNTS, reps: csv(REPS) }), 'accounts: must be a file'],
      [
        form({ name: 'x', accounts: csv(ACCOUNTS, 'application/json'), reps: csv(REPS) }),
        'accounts: is application/json, not a CSV file',
      ],
      [
        form({ name: 'x', accounts: csv(ACCOUNTS), reps: csv(REPS), rep: csv(REPS) }),
        'rep: unknown part',
      ],
      [form({ accounts: csv(ACCOUNTS), reps: csv(REPS) }), 'name:'],
      [form({ name: '  ', accounts: csv(ACCOUNTS), reps: csv(REPS) }), 'name: must not be empty'],
    ];
    const twice = form({ name: 'x', accounts: csv(ACCOUNTS), reps: csv(REPS) });
    twice.append('reps', csv(REPS), 'other.csv');
    cases.push([twice, 'reps: is given more than once']);
    const before = await storedCounts();
    for (const [body, expected] of cases) {
      const response = await upload(body);
      expect(response.status).toBe(422);
      const failure = (await response.json()) as Failure;
      expect(failure.code).toBe('INVALID');
      expect(failure.message).toContain(expected);
    }
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a body that is not well-formed multipart, or a name too long', async () => {
    const truncated = await upload(
      '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc',
      {
        'content-type': 'multipart/form-data; boundary=xyz',
      },
    );
    expect(truncated.status).toBe(422);
    expect(((await truncated.json()) as Failure).message).toContain('not well-formed multipart');
    const noBoundary = await upload('x', { 'content-type': 'multipart/form-data; charset=utf-8' });
    expect(noBoundary.status).toBe(422);
    const long = await upload(
      form({ name: 'x'.repeat(5000), accounts: csv(ACCOUNTS), reps: csv(REPS) }),
    );
    expect(long.status).toBe(422);
    expect(((await long.json()) as Failure).message).toContain('name: is longer than');
  });

  it('leaves no spooled file behind', async () => {
    // Spools are named by process: other servers and test runs on this machine have their own.
    const mine = `tessera-upload-${process.pid}-`;
    const left = (await readdir(tmpdir())).filter((name) => name.startsWith(mine));
    expect(left).toEqual([]);
  });

  it('refuses a body that is not multipart', async () => {
    const response = await upload('{"name":"x"}', { 'content-type': 'application/json' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Failure).message).toContain('multipart/form-data');
  });

  it('needs a token, and the planner role', async () => {
    const body = () => form({ name: 'x', accounts: csv(ACCOUNTS), reps: csv(REPS) });
    const anonymous = await fetch(`${server.url}/api/datasets`, { method: 'POST', body: body() });
    expect(anonymous.status).toBe(401);
    const viewer = await addToken(server, 'viewer');
    const refused = await upload(body(), { authorization: `Bearer ${viewer}` });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Failure).message).toContain('planner');
    const planner = await addToken(server, 'planner');
    expect((await upload(body(), { authorization: `Bearer ${planner}` })).status).toBe(201);
  });

  it('keeps a dataset to its workspace', async () => {
    const created = (await (
      await upload(form({ name: 'mine', accounts: csv(ACCOUNTS), reps: csv(REPS) }))
    ).json()) as Created;
    const other = await addWorkspace(server);
    const headers = { authorization: `Bearer ${other.token}` };
    for (const path of [`/api/datasets/${created.id}`, `/api/datasets/${created.id}/accounts`]) {
      expect((await server.api(path, { headers })).status).toBe(404);
    }
    const list = (await (await server.api('/api/datasets', { headers })).json()) as unknown[];
    expect(list).toEqual([]);
    const mine = await server.api(`/api/datasets/${created.id}`);
    expect(mine.status).toBe(200);
  });

  it('stores nothing when the write fails halfway', async () => {
    const db = server.services.db;
    await db.execute(sql`
      create function fail_parts() returns trigger language plpgsql as $$
      begin raise exception 'disk full (test)'; end $$`);
    await db.execute(
      sql`create trigger fail_parts before insert on dataset_parts for each row execute function fail_parts()`,
    );
    try {
      const before = await storedCounts();
      const response = await upload(
        form({ name: 'half', accounts: csv(ACCOUNTS), reps: csv(REPS) }),
      );
      expect(response.status).toBe(500);
      const body = (await response.json()) as Failure;
      expect(body.message).not.toContain('disk full');
      expect(await storedCounts()).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger fail_parts on dataset_parts`);
      await db.execute(sql`drop function fail_parts()`);
    }
  });

  it('is described in the OpenAPI document beside the procedures on the same path', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const item = doc.paths['/datasets']!;
    expect(Object.keys(item).sort()).toEqual(['get', 'post']);
    expect(Object.keys(item.post!.requestBody!.content)).toEqual(['multipart/form-data']);
  });
});

describe('the body limit', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ TESSERA_MAX_BODY_MB: '0.01' });
  });
  afterAll(async () => {
    await small.close();
  });

  it('refuses an upload over it with 413, storing nothing', async () => {
    const big = `id\n${Array.from({ length: 5000 }, (_, i) => `a${i}`).join('\n')}`;
    const response = await small.api('/api/datasets', {
      method: 'POST',
      body: form({ name: 'big', accounts: csv(big), reps: csv(REPS) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Failure).code).toBe('PAYLOAD_TOO_LARGE');
    const list = (await (await small.api('/api/datasets')).json()) as unknown[];
    expect(list).toEqual([]);
  });
});
