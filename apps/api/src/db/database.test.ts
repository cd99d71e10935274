import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, probePostgres, type TestDatabase } from '../testing/postgres.js';
import { openDatabase } from './database.js';
import { workspaces } from './schema/index.js';

describe('openDatabase', () => {
  it('migrates an empty PGlite database and reads back what it wrote', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    await handle.migrate(); // a second start finds nothing to do
    await handle.db.insert(workspaces).values({ id: 'w1', name: 'default' });
    const rows = await handle.db.select().from(workspaces);
    expect(rows.map((r) => r.name)).toEqual(['default']);
    // The page cache sized for one embedded connection, not PostgreSQL's server default.
    const buffers = await handle.pglite!.query<{ shared_buffers: string }>('show shared_buffers');
    expect(buffers.rows[0]?.shared_buffers).toBe('32MB');
    await handle.close();
  });
});

const postgres = await probePostgres();

describe.skipIf(!postgres.ok)(
  `openDatabase on PostgreSQL${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`,
  () => {
    let database: TestDatabase | undefined;
    afterEach(async () => {
      await database?.drop();
    });

    it('lets processes starting at once migrate a fresh database, one after the other', async () => {
      database = await createTestDatabase();
      const handles = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ url: database!.url, dataDir: 'unused' })),
      );
      try {
        await Promise.all(handles.map((h) => h.migrate()));
        await handles[0]!.db.insert(workspaces).values({ id: 'w1', name: 'default' });
        const rows = await handles[2]!.db.select().from(workspaces);
        expect(rows.map((r) => r.name)).toEqual(['default']);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    });
  },
);
