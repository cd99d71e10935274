// `pnpm start` on a fresh clone: the data folder and its parents are made, the first start
// keeps the bootstrap token, and a second start on the same folder finds what the first stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '@tessera/api';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startApiServer } from './api-test-server.js';

const scratch = await mkdtemp(join(tmpdir(), 'tessera-start-'));
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the server on a data folder', () => {
  // Two starts on disk, each running initdb or opening the files and migrating: over 30 s
  // between them on a loaded 2-core machine.
  it(
    'makes the folder with its parents and keeps its data across a restart',
    { timeout: 180_000 },
    async () => {
      const data = join(scratch, 'data', 'tessera');
      const first = await startApiServer({ TESSERA_DATA: data });
      let tokenId: string;
      try {
        const health = (await (await fetch(`${first.url}/api/health`)).json()) as { ok: boolean };
        expect(health.ok).toBe(true);
        const created = await fetch(`${first.url}/api/tokens`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'kept across restarts', role: 'viewer' }),
        });
        expect(created.status).toBe(201);
        tokenId = ((await created.json()) as { id: string }).id;
      } finally {
        await first.close();
      }

      // No bootstrap token this time: the stored admin token must still open the door.
      const second = await startApiServer({
        TESSERA_DATA: data,
        TESSERA_BOOTSTRAP_TOKEN: undefined,
      });
      try {
        const listed = await fetch(`${second.url}/api/tokens`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect(listed.status).toBe(200);
        const tokens = (await listed.json()) as { id: string }[];
        expect(tokens.map((t) => t.id)).toContain(tokenId);
        expect(second.logged.join('\n')).not.toContain('first start');
      } finally {
        await second.close();
      }
    },
  );

  it('listens on 127.0.0.1:3000 by default and resolves its folders from the cwd', () => {
    const config = readConfig({}, scratch);
    expect(config.dataDir).toBe(join(scratch, 'data', 'tessera'));
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(readConfig({ TESSERA_WEB_DIR: 'site' }, scratch).webDir).toBe(join(scratch, 'site'));
  });
});
