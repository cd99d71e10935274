import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they talk to. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database and what only the server's start and stop need of it. */
export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The embedded database, for pg-boss's PGlite backend. */
  pglite: PGlite | null;
  /** The connection string, for pg-boss's own pool on PostgreSQL. */
  url: string | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite's page cache. PostgreSQL's default (128 MB) is sized for a server with many
 * connections: PGlite's WebAssembly memory starts at 128 MB and grew to 189 MB to hold it, and
 * never shrinks. One connection on files the OS caches anyway needs far less: 32 MB keeps the
 * memory at its initial size (150 MB less resident) and imports, reads and runs as fast.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * PostgreSQL when `url` is set (`postgres://…`), otherwise embedded PGlite in `dataDir`
 * (`memory://` keeps it in memory, for tests). Both use the same schema and migrations.
 */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir: string;
  /**
   * PGlite only: a dump of a data directory (`PGlite.dumpDataDir`) to start from instead of an
   * empty one; the tests' servers start from one migrated template.
   */
  initialData?: Blob | undefined;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server ends (a restart, a failover, an admin's terminate) is an
    // 'error' event on the pool; unheard, it would take the process down. The pool replaces it.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    return {
      db,
      kind: 'postgres',
      pglite: null,
      url: options.url,
      migrate: () => oneAtATime(pool, () => migratePg(db, { migrationsFolder })),
      close: () => pool.end(),
    };
  }
  // PGlite makes its own folder but not the ones above it (`./data/tessera` on a fresh clone).
  let unlock = (): Promise<void> => Promise.resolve();
  if (!options.dataDir.startsWith('memory://')) {
    await mkdir(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  const client = await PGlite.create(options.dataDir, {
    loadDataDir: options.initialData,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    pglite: client,
    url: null,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      await unlock();
    },
  };
}

// Any constant shared by every Tessera process: the key of the migration lock.
const MIGRATION_LOCK = 0x7e55e4a;

/**
 * Runs `migrate` while holding a PostgreSQL advisory lock: servers and workers starting at once
 * on a fresh database would otherwise each try to create the same tables.
 */
async function oneAtATime(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
