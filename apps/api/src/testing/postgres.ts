import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where tests find PostgreSQL: `TESSERA_TEST_DATABASE_URL`, else the machine's server as CI
 * runs it. Tests never write to this database itself: each gets a fresh one beside it.
 */
export const TEST_POSTGRES_URL =
  process.env.TESSERA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Set in CI: a PostgreSQL test that cannot reach the server fails instead of skipping. */
export const POSTGRES_REQUIRED = process.env.TESSERA_REQUIRE_POSTGRES === '1';

export type PostgresProbe = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Whether the test PostgreSQL answers. With `TESSERA_REQUIRE_POSTGRES=1` an unreachable one is
 * an error, so CI cannot pass by skipping; otherwise the reason says why tests are skipped.
 */
export async function probePostgres(url = TEST_POSTGRES_URL): Promise<PostgresProbe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, url };
  } catch (error) {
    const reason = `PostgreSQL at ${redact(url)} is unreachable (${error instanceof Error ? error.message : String(error)}); start it (pg_ctlcluster 15 main start) or set TESSERA_TEST_DATABASE_URL`;
    if (POSTGRES_REQUIRED) {
      throw new Error(`TESSERA_REQUIRE_POSTGRES=1 but ${reason}`, { cause: error });
    }
    return { ok: false, reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  /** The fresh database's connection string. */
  url: string;
  /** Drops it, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/** A fresh database `tessera_test_<random>` on the server `url` points to. */
export async function createTestDatabase(url = TEST_POSTGRES_URL): Promise<TestDatabase> {
  const name = `tessera_test_${randomBytes(6).toString('hex')}`;
  await onServer(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: () =>
      onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function onServer(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
