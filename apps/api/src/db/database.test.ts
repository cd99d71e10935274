import { describe, expect, it } from 'vitest';
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
    await handle.close();
  });
});
