import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, zstdDecompressSync } from 'node:zlib';
import { AccountTable, decodeColumnFrame, Plan, RepTable } from '@tessera/core';
import { datasetFromData, datasetToData, type Dataset, type DatasetData } from '@tessera/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDataset } from '../../datasets/save-dataset.js';
import { addMemberOverHttp, signInOverHttp } from '../../security/http-client.js';
import { seedDataset } from '../../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { addWorkspace, defaultWorkspaceId } from '../../testing/workspace-tokens.js';
import { chooseEncoding, COLUMNS_MEDIA_TYPE } from './dataset-columns.js';

let server: TestServer;
let datasetId: string;
let seededId: string;

// Every kind of column: unicode names, missing values, tags, attributes, level labels, a baseline.
const accounts = AccountTable.fromRows([
  {
    id: 'a1',
    name: 'Zoë & Søn 東京',
    lat: 40.71,
    lon: -74.01,
    industry: 'retail',
    owner: 'r1',
    workload: 3,
    locked: true,
    skillsRequired: ['lang:es', 'industry:retail'],
    attributes: { tier: 'gold' },
  },
  { id: 'a2', name: '', lat: null, lon: null, region: 'CA', employees: 12, owner: 'r2' },
  { id: 'a3', postalCode: '02139', potential: 1e9, revenue: -0.5, attributes: { crm: 'x-1' } },
]);
const reps = RepTable.fromRows([
  {
    id: 'r1',
    name: 'Ana',
    lat: 40.7,
    lon: -74,
    capacity: 10,
    skills: ['lang:es'],
    levelLabel: 'Senior AE',
  },
  { id: 'r2', name: 'Ben', level: 2, attributes: { team: 'west' } },
]);
const baseline = new Plan(Int32Array.from([0, 1, -1]), [
  { id: 'T1', name: 'East', repId: 'r1' },
  { id: 'T2', name: 'West', repId: null },
]);

/** Fetches over node:http, so the body arrives exactly as sent (fetch would decompress it). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function decodeDataset(bytes: Uint8Array): Dataset {
  return datasetFromData(decodeColumnFrame(bytes) as DatasetData);
}

beforeAll(async () => {
  server = await startTestServer();
  const record = await saveDataset(server.services.db, {
    workspaceId: await defaultWorkspaceId(server),
    name: 'every column',
    dataset: { accounts, reps, baseline },
    warnings: [],
  });
  datasetId = record.id;
  seededId = await seedDataset(server, { accounts: 2000, reps: 12 });
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/datasets/{id}/columns', () => {
  it('round-trips the stored dataset, baseline and attributes included', async () => {
    const sent = await rawGet(`/api/datasets/${datasetId}/columns`, {
      ...bearer(server.token),
      'accept-encoding': 'identity',
    });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-type']).toBe(COLUMNS_MEDIA_TYPE);
    expect(sent.headers['content-encoding']).toBeUndefined();
    expect(Number(sent.headers['content-length'])).toBe(sent.body.byteLength);
    const back = decodeDataset(sent.body);
    expect(datasetToData(back)).toEqual(datasetToData({ accounts, reps, baseline }));
    expect([...back.accounts.rows()]).toEqual([...accounts.rows()]);
    expect(back.baseline?.territories).toEqual(baseline.territories);
  });

  it('equals what the store holds for a generated dataset, in every encoding', async () => {
    const stored = datasetToData(
      await server.services.datasets.load(await defaultWorkspaceId(server), seededId),
    );
    const decompress = {
      zstd: zstdDecompressSync,
      br: brotliDecompressSync,
      gzip: gunzipSync,
    } as const;
    let identityBytes = 0;
    for (const encoding of ['identity', 'zstd', 'br', 'gzip'] as const) {
      const sent = await rawGet(`/api/datasets/${seededId}/columns`, {
        ...bearer(server.token),
        'accept-encoding': encoding,
      });
      expect(sent.status, encoding).toBe(200);
      expect(sent.headers.vary).toBe('Accept-Encoding');
      let body: Uint8Array = sent.body;
      if (encoding === 'identity') {
        identityBytes = body.byteLength;
      } else {
        expect(sent.headers['content-encoding']).toBe(encoding);
        expect(sent.headers['content-length']).toBeUndefined();
        // The columns compress: codes and repeated values are most of the bytes.
        expect(body.byteLength).toBeLessThan(identityBytes * 0.6);
        body = decompress[encoding](body);
      }
      expect(datasetToData(decodeDataset(body)), encoding).toEqual(stored);
    }
  });

  it('is what fetch reads back too, with the best encoding it offers', async () => {
    const response = await server.api(`/api/datasets/${datasetId}/columns`);
    expect(response.status).toBe(200);
    expect(['zstd', 'br', 'gzip']).toContain(response.headers.get('content-encoding'));
    const back = decodeDataset(new Uint8Array(await response.arrayBuffer()));
    expect(back.accounts.id.values()).toEqual(['a1', 'a2', 'a3']);
  });

  it('tags the dataset for caching, private, and answers 304 to its tag', async () => {
    const first = await server.api(`/api/datasets/${datasetId}/columns`);
    await first.body?.cancel();
    const etag = first.headers.get('etag');
    expect(etag).toBe(`W/"${datasetId}.columns-v1"`);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    for (const header of [etag!, `"other", ${etag!}`, etag!.replace('W/', ''), '*']) {
      const again = await server.api(`/api/datasets/${datasetId}/columns`, {
        headers: { 'if-none-match': header },
      });
      expect(again.status, header).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('private, no-cache');
      expect(await again.text()).toBe('');
    }
    const stale = await server.api(`/api/datasets/${datasetId}/columns`, {
      headers: { 'if-none-match': `W/"${seededId}.columns-v1"` },
    });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();
  });

  it('answers 401 without a caller, and a signed-in member by the session cookie', async () => {
    const anonymous = await fetch(`${server.url}/api/datasets/${datasetId}/columns`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      code: 'UNAUTHORIZED',
      requestId: expect.any(String) as unknown,
    });
    await addMemberOverHttp(server, {
      email: 'viewer@example.test',
      password: 'a long enough password',
      role: 'viewer',
    });
    const session = await signInOverHttp(server, 'viewer@example.test', 'a long enough password');
    const byCookie = await fetch(`${server.url}/api/datasets/${datasetId}/columns`, {
      headers: { cookie: session.cookie },
    });
    expect(byCookie.status).toBe(200);
    expect(decodeDataset(new Uint8Array(await byCookie.arrayBuffer())).reps.length).toBe(2);
  });

  it("answers 404 for another workspace's dataset, even with its tag, and for no such dataset", async () => {
    const other = await addWorkspace(server);
    for (const headers of [{}, { 'if-none-match': `W/"${datasetId}.columns-v1"` }]) {
      const theirs = await fetch(`${server.url}/api/datasets/${datasetId}/columns`, {
        headers: { ...bearer(other.token), ...headers },
      });
      expect(theirs.status).toBe(404);
      expect(await theirs.json()).toMatchObject({
        code: 'NOT_FOUND',
        message: `dataset "${datasetId}" not found`,
      });
    }
    expect((await server.api('/api/datasets/ds_nothing/columns')).status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    };
    const get = doc.paths['/datasets/{id}/columns']?.get;
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '304', '401', '404']);
    expect(Object.keys(get?.responses['200']?.content ?? {})).toEqual([COLUMNS_MEDIA_TYPE]);
  });
});

describe('chooseEncoding', () => {
  it('takes the highest q the client gives, ties to zstd, br, gzip', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('zstd');
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('zstd');
    expect(chooseEncoding('*;q=0.1, zstd;q=0')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
