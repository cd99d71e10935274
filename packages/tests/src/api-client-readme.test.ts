// @tessera/client's README example runs against a real server: it uploads sample data, runs
// two scenarios, waits for both and prints the comparison. Its blocks are fenced ```ts
// live-server (the plain ```ts blocks of readme-examples.test.ts run without a server); the
// server's URL and token reach it through TESSERA_URL and TESSERA_TOKEN, as they would a user's.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './api-test-server.js';
import { withAssertions } from './readme-blocks.js';

const readme = resolve(import.meta.dirname, '../../client/README.md');
const scratch = resolve(import.meta.dirname, '../.examples');

const blocks = [
  ...(await readFile(readme, 'utf8')).matchAll(/```ts live-server\n([\s\S]*?)```/g),
].map((match) => match[1]!);

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
  process.env.TESSERA_URL = server.url;
  process.env.TESSERA_TOKEN = server.token;
});
afterAll(async () => {
  await server.close();
});

describe('the @tessera/client README', () => {
  it('has an example to run against a server', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((code, index) => ({ code, index })))(
    'example $index runs and prints what it says',
    async ({ code, index }) => {
      const checks: [unknown, unknown][] = [];
      (globalThis as Record<string, unknown>).__check = (actual: unknown, expected: unknown) =>
        checks.push([actual, expected]);
      const target = join(scratch, `packages__client__README.md.live-server.${index}.ts`);
      await mkdir(scratch, { recursive: true });
      await writeFile(target, withAssertions(code));
      try {
        await import(target);
      } catch (error) {
        throw new Error(`${String(error)}\nthe server logged:\n${server.logged.join('\n')}`, {
          cause: error,
        });
      }
      expect(checks.length).toBeGreaterThan(0);
      for (const [actual, expected] of checks) expect(actual).toEqual(expected);
    },
    180_000,
  );
});
