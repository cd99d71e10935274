import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseraApiError } from './api-error.js';
import { uploadDataset } from './upload-dataset.js';

const ACCOUNTS = 'id,lat,lon\nA1,40.7,-74\n';
const REPS = 'id,lat,lon\nR1,40.7,-74\n';
const scratch = await mkdtemp(join(tmpdir(), 'tessera-client-'));
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A fetch that records the request and answers with `response`. */
function recording(response: Response): {
  fetch: typeof fetch;
  sent: () => { url: string; headers: Headers; form: FormData };
} {
  let sent: { url: string; headers: Headers; form: FormData } | null = null;
  return {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      // A test double reading back the few bytes it was sent, not a server parsing uploads.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      const form = await request.formData();
      sent = { url: request.url, headers: request.headers, form };
      return response;
    },
    sent: () => sent!,
  };
}

const created = (): Response =>
  Response.json({ id: 'ds_1', name: 'n', accounts: 1, reps: 1, warnings: [] }, { status: 201 });

describe('uploadDataset', () => {
  it('sends text, chunks, a Blob, a path and a file URL as the multipart parts', async () => {
    const path = join(scratch, 'reps.csv');
    await writeFile(path, REPS);
    const cases = [
      { accounts: ACCOUNTS, reps: new Blob([REPS]), baseline: undefined },
      { accounts: ['id,lat,lon\n', 'A1,40.7,-74\n'], reps: { path }, baseline: undefined },
      { accounts: ACCOUNTS, reps: pathToFileURL(path), baseline: 'account_id,territory_id\n' },
    ];
    for (const input of cases) {
      const server = recording(created());
      const result = await uploadDataset(
        { url: 'http://tessera.test/base', token: 'tok', fetch: server.fetch },
        { name: 'US', ...input },
      );
      expect(result.id).toBe('ds_1');
      const { url, headers, form } = server.sent();
      expect(url).toBe('http://tessera.test/base/api/datasets');
      expect(headers.get('authorization')).toBe('Bearer tok');
      expect(form.get('name')).toBe('US');
      expect(await (form.get('accounts') as File).text()).toBe(ACCOUNTS);
      expect(await (form.get('reps') as File).text()).toBe(REPS);
      expect(form.has('baseline')).toBe(input.baseline !== undefined);
    }
  });

  it('names the file it cannot read', async () => {
    const missing = join(scratch, 'nope.csv');
    const server = recording(created());
    await expect(
      uploadDataset(
        { url: 'http://tessera.test', token: 'tok', fetch: server.fetch },
        { name: 'US', accounts: { path: missing }, reps: REPS },
      ),
    ).rejects.toThrow(`cannot read the CSV at ${missing}`);
  });

  it('rejects with the server error, its code, status and details', async () => {
    const body = {
      code: 'INVALID',
      message: 'the dataset was not imported: accounts: line 2, column "lat": not a number',
      details: {
        issues: [{ file: 'accounts', line: 2, column: 'lat', value: 'x', reason: 'not a number' }],
      },
      requestId: 'req-1',
    };
    const server = recording(Response.json(body, { status: 422 }));
    const error = await uploadDataset(
      { url: 'http://tessera.test', token: 'tok', fetch: server.fetch },
      { name: 'US', accounts: ACCOUNTS, reps: REPS },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TesseraApiError);
    expect(error).toMatchObject({ status: 422, code: 'INVALID', requestId: 'req-1' });
    expect((error as TesseraApiError).details).toEqual(body.details);
  });

  it('says what came back when the answer is not the API error shape', async () => {
    const server = recording(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(
      uploadDataset(
        { url: 'http://tessera.test', token: 'tok', fetch: server.fetch },
        { name: 'US', accounts: ACCOUNTS, reps: REPS },
      ),
    ).rejects.toThrow('502 Bad Gateway: <html>Bad Gateway</html>');
  });
});
