import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @tessera/api db:generate` writes a migration for a schema change; commit it
// with the change. The server applies pending migrations at startup, on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
