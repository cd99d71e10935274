import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const MiB = 1024 * 1024;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TESSERA_DATA: z.string().min(1).default('./data/tessera'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  TESSERA_BOOTSTRAP_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_.~+/=-]{24,256}$/, 'must be 24 to 256 URL-safe characters')
    .optional(),
  TESSERA_MAX_BODY_MB: z.coerce.number().positive().default(512),
  TESSERA_MAX_BOUNDARIES_MB: z.coerce.number().positive().default(64),
  TESSERA_REQUEST_TIMEOUT_S: z.coerce.number().positive().default(120),
  TESSERA_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  TESSERA_MAX_QUEUED_JOBS: z.coerce.number().int().positive().default(200),
  TESSERA_WORKERS: z.coerce.number().int().min(0).optional(),
  TESSERA_WORKER_IDLE_S: z.coerce.number().min(0).default(60),
  TESSERA_CORS_ORIGINS: z.string().optional(),
  TESSERA_WEB_DIR: z.string().optional(),
});

/** Everything the server reads from its environment, checked once at startup. */
export interface Config {
  port: number;
  host: string;
  /** Where PGlite keeps its files (`memory://` for none). */
  dataDir: string;
  databaseUrl: string | undefined;
  bootstrapToken: string | undefined;
  maxBodyBytes: number;
  /**
   * A boundaries file's body, at most (and at most maxBodyBytes): it is parsed whole as JSON,
   * several times its size in memory, where a CSV upload streams.
   */
  maxBoundariesBytes: number;
  requestTimeoutMs: number;
  /** Requests per minute per token or session. */
  rateLimitPerMinute: number;
  maxQueuedJobs: number;
  /** Worker threads for runs and sweeps; default: the machine's cores; 0: this process takes no jobs. */
  workers: number | undefined;
  /** How long job threads outlive the last job; they start again with the next one. */
  workerIdleMs: number;
  corsOrigins: string[];
  /** The built web app to serve at `/`: TESSERA_WEB_DIR, else apps/web/build once built. */
  webDir: string | undefined;
}

/** The config from `env`; the error names every bad variable and what it expected. */
export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`bad environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.TESSERA_DATA.startsWith('memory://') ? e.TESSERA_DATA : resolve(cwd, e.TESSERA_DATA),
    databaseUrl: e.DATABASE_URL,
    bootstrapToken: e.TESSERA_BOOTSTRAP_TOKEN,
    maxBodyBytes: Math.round(e.TESSERA_MAX_BODY_MB * MiB),
    maxBoundariesBytes: Math.round(
      Math.min(e.TESSERA_MAX_BOUNDARIES_MB, e.TESSERA_MAX_BODY_MB) * MiB,
    ),
    requestTimeoutMs: e.TESSERA_REQUEST_TIMEOUT_S * 1000,
    rateLimitPerMinute: e.TESSERA_RATE_LIMIT,
    maxQueuedJobs: e.TESSERA_MAX_QUEUED_JOBS,
    workers: e.TESSERA_WORKERS,
    workerIdleMs: e.TESSERA_WORKER_IDLE_S * 1000,
    corsOrigins:
      e.TESSERA_CORS_ORIGINS?.split(',')
        .map((o) => o.trim())
        .filter(Boolean) ?? [],
    webDir: e.TESSERA_WEB_DIR === undefined ? builtWebApp() : resolve(cwd, e.TESSERA_WEB_DIR),
  };
}

/** apps/web's build beside this package (src/ and dist/ both sit one level below it), if built. */
function builtWebApp(): string | undefined {
  const dir = fileURLToPath(new URL('../../web/build', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}
