import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { startServer } from '../start-server.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-first-start-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A server as `pnpm start` runs it, without TESSERA_BOOTSTRAP_TOKEN; what it logged. */
async function start() {
  const logged: string[] = [];
  const config = readConfig({ PORT: '0', TESSERA_DATA: dataDir, TESSERA_WORKERS: '1' });
  const server = await startServer(config, {
    log: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
  });
  return { server, logged };
}

describe('the first start', () => {
  it(
    'prints a one-time admin token that works, and a second start prints none',
    { timeout: 120_000 },
    async () => {
      const first = await start();
      let token: string;
      try {
        const line = first.logged.find((m) => m.includes('admin API token'));
        expect(line).toMatch(/shown once/);
        token = /(tsr_[A-Za-z0-9_-]{43})/.exec(line ?? '')?.[1] ?? '';
        expect(token).not.toBe('');
        const tokens = await fetch(`${first.server.url}/api/tokens`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(tokens.status).toBe(200);
        expect(await tokens.json()).toEqual([
          expect.objectContaining({
            name: 'first admin',
            role: 'admin',
            prefix: `${token.slice(0, 8)}…`,
          }),
        ]);
      } finally {
        await first.server.close();
      }

      const second = await start();
      try {
        expect(second.logged.join('\n')).not.toMatch(/token/i);
        const again = await fetch(`${second.server.url}/api/tokens`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(again.status).toBe(200);
      } finally {
        await second.server.close();
      }
    },
  );
});
