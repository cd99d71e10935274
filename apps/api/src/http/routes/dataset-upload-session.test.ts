// The planner uploads CSVs from the browser with its session (cookie + CSRF header), not a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../db/schema/index.js';
import {
  addMemberOverHttp,
  signInOverHttp,
  type BrowserSession,
} from '../../security/http-client.js';
import { uploadForm } from '../../security/records.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

const PASSWORD = 'planner password 42';
let server: TestServer;
let planner: BrowserSession;
let viewer: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  await addMemberOverHttp(server, { email: 'p@example.com', password: PASSWORD, role: 'planner' });
  await addMemberOverHttp(server, { email: 'v@example.com', password: PASSWORD, role: 'viewer' });
  planner = await signInOverHttp(server, 'p@example.com', PASSWORD);
  viewer = await signInOverHttp(server, 'v@example.com', PASSWORD);
});
afterAll(async () => {
  await server.close();
});

function upload(headers: Record<string, string>): Promise<Response> {
  return fetch(new URL('/api/datasets', server.url), {
    method: 'POST',
    headers,
    body: uploadForm(),
  });
}

const storedCount = async () => (await server.services.db.select().from(datasets)).length;

describe('POST /api/datasets with a browser session', () => {
  it('stores the dataset for a planner sending the cookie and the CSRF token', async () => {
    const response = await upload({ cookie: planner.cookie, 'x-csrf-token': planner.csrfToken });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ accounts: 2, reps: 1 });
  });

  it('refuses the cookie without its CSRF token (a cross-site form), storing nothing', async () => {
    const before = await storedCount();
    const missing = await upload({ cookie: planner.cookie });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ code: 'FORBIDDEN', message: /x-csrf-token/ });
    const wrong = await upload({ cookie: planner.cookie, 'x-csrf-token': viewer.csrfToken });
    expect(wrong.status).toBe(403);
    expect(await storedCount()).toBe(before);
  });

  it("refuses a viewer's session: uploading needs the planner role", async () => {
    const response = await upload({ cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ message: /planner role/ });
  });

  it('answers 401 without a session', async () => {
    expect((await upload({})).status).toBe(401);
  });
});
