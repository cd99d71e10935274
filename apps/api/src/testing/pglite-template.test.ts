import { readdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { pgliteTemplate } from './pglite-template.js';

it('is a migrated database with pg-boss in place, made once and then read back', async () => {
  const template = await pgliteTemplate();
  const again = await pgliteTemplate();
  expect(again.size).toBe(template.size);

  const database = await openDatabase({ dataDir: 'memory://', initialData: template });
  try {
    const migrations = (await readdir(new URL('../../drizzle', import.meta.url))).filter((f) =>
      f.endsWith('.sql'),
    );
    const applied = await database.pglite!.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(applied.rows[0]!.n).toBe(migrations.length);
    const queues = await database.pglite!.query<{ name: string }>(
      'select name from pgboss.queue order by name',
    );
    expect(queues.rows.length).toBeGreaterThan(0);
    // Empty: no workspace, so a server started from it bootstraps as on a first start.
    const workspaces = await database.pglite!.query<{ n: number }>(
      'select count(*)::int as n from workspaces',
    );
    expect(workspaces.rows[0]!.n).toBe(0);
  } finally {
    await database.close();
  }
});
