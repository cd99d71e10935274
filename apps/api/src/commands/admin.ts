import { TesseraError } from '@tessera/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { storeNewToken } from '../auth/api-tokens.js';
import { addMembership } from '../auth/members.js';
import { newPasswordSchema } from '../auth/password.js';
import { readConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openDatabase, type Database } from '../db/database.js';
import { ROLES, workspaces } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';

/** Where an admin command runs: the server's environment, and where it writes. */
export interface AdminCommandOptions {
  /** TESSERA_DATA or DATABASE_URL name the same database the server uses. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What scripts capture: the new token, alone on a line. */
  stdout: { write(chunk: string): unknown };
  /** What people read: what was done. */
  stderr: { write(chunk: string): unknown };
  /** The workspace, by name (default: `default`). */
  workspace?: string | undefined;
  /** Make the workspace when there is none of that name (without it, a typo fails). */
  createWorkspace?: boolean | undefined;
}

const userInput = z.object({
  email: z.email('not an email address'),
  password: newPasswordSchema.optional(),
  role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`),
});

/**
 * `tessera admin create-user`: makes a member of the workspace, creating the account (with the
 * password) when the email has none. The password comes from stdin and is never printed.
 */
export async function createUserCommand(
  options: AdminCommandOptions & { email: string; password?: string | undefined; role: string },
): Promise<void> {
  const input = parse(userInput, options);
  await withWorkspace(options, async (db, workspace) => {
    const member = await addMembership(db, workspace.id, input);
    options.stderr.write(
      `tessera: ${member.email} is ${member.role} of workspace "${workspace.name}"${member.createdUser ? ' (new account)' : ''}\n`,
    );
  });
}

const tokenInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`),
  expiresInDays: z.int().min(1).max(3650).optional(),
});

/** `tessera admin create-token`: a new API token, printed once on stdout. */
export async function createTokenCommand(
  options: AdminCommandOptions & {
    name: string;
    role: string;
    expiresInDays?: number | undefined;
  },
): Promise<void> {
  const input = parse(tokenInput, options);
  await withWorkspace(options, async (db, workspace) => {
    const { id, token } = await storeNewToken(db, workspace.id, input);
    options.stdout.write(`${token}\n`);
    options.stderr.write(
      `tessera: token ${id} "${input.name}" (${input.role}) for workspace "${workspace.name}": shown this once, keep it\n`,
    );
  });
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
  throw new TesseraError('BAD_INPUT', problems.join('; '));
}

/**
 * Opens the server's database (migrating it, as the server would), finds the workspace, runs
 * `fn` and closes. PGlite's folder is one process's at a time: when the server holds it, the
 * error says so and what to do instead.
 */
async function withWorkspace(
  options: AdminCommandOptions,
  fn: (db: Database, workspace: { id: string; name: string }) => Promise<void>,
): Promise<void> {
  let config;
  try {
    config = readConfig(options.env, options.cwd);
  } catch (error) {
    throw new TesseraError('BAD_ENVIRONMENT', (error as Error).message, { cause: error });
  }
  let database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new TesseraError(
      'DATA_IN_USE',
      `${error.message}. While the server runs, an admin can add members and tokens through it (POST /api/members, POST /api/tokens)`,
      { cause: error },
    );
  }
  try {
    await database.migrate();
    const workspace = await findWorkspace(database.db, options);
    await fn(database.db, workspace);
  } catch (error) {
    if (error instanceof ApiError)
      throw new TesseraError(error.code, error.message, { cause: error });
    throw error;
  } finally {
    await database.close();
  }
}

async function findWorkspace(
  db: Database,
  options: AdminCommandOptions,
): Promise<{ id: string; name: string }> {
  const name = options.workspace ?? 'default';
  const [found] = await db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.name, name));
  if (found) return found;
  // `default` is what the server makes on its first start: a command run before it may too.
  if (name !== 'default' && !options.createWorkspace) {
    const known = await db.select({ name: workspaces.name }).from(workspaces);
    throw new TesseraError(
      'NOT_FOUND',
      `no workspace "${name}" (there ${known.length === 1 ? 'is' : 'are'}: ${known.map((w) => w.name).join(', ') || 'none'}); add --create-workspace to make it`,
    );
  }
  const [made] = await db
    .insert(workspaces)
    .values({ id: newId('workspace'), name })
    .returning({ id: workspaces.id, name: workspaces.name });
  options.stderr.write(`tessera: made workspace "${name}"\n`);
  return made!;
}
