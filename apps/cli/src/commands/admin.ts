import { Command, Option } from 'commander';
import { loadApiCommands } from '../api-commands.js';
import { configureCommand } from '../configure-command.js';
import { UsageError, type CliIO } from '../io.js';

const ROLES = ['viewer', 'planner', 'admin'];

interface WorkspaceFlags {
  workspace: string;
  createWorkspace?: boolean;
}

/**
 * `tessera admin create-user|create-token`: for operators, against the server's database
 * (TESSERA_DATA or DATABASE_URL, as the server reads them). The work is @tessera/api's.
 */
export function adminCommand(
  io: CliIO,
  options: { stdin?: AsyncIterable<string | Buffer> } = {},
): Command {
  const stdin = options.stdin ?? process.stdin;
  const createUser = withWorkspace(
    new Command('create-user')
      .description(
        'make EMAIL a member of the workspace with ROLE, creating the account when it has none (the password read from stdin)',
      )
      .requiredOption('--email <email>', 'the account’s email')
      .option(
        '--password-stdin',
        'read the new account’s password from stdin (at least 10 characters)',
      )
      .addOption(
        new Option('--role <role>', 'what they may do').choices(ROLES).makeOptionMandatory(),
      ),
  ).action(
    async (flags: WorkspaceFlags & { email: string; passwordStdin?: boolean; role: string }) => {
      const password = flags.passwordStdin ? await readPassword(stdin) : undefined;
      const { createUserCommand } = await loadApiCommands('admin');
      await createUserCommand({
        ...where(io, flags),
        email: flags.email,
        password,
        role: flags.role,
      });
    },
  );

  const createToken = withWorkspace(
    new Command('create-token')
      .description('a new API token, printed once on stdout (only its hash is stored)')
      .requiredOption('--name <name>', 'what the token is for, as token lists show it')
      .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
      .option('--expires-in-days <days>', 'stop working after this many days', positiveInteger),
  ).action(
    async (flags: WorkspaceFlags & { name: string; role: string; expiresInDays?: number }) => {
      const { createTokenCommand } = await loadApiCommands('admin');
      await createTokenCommand({
        ...where(io, flags),
        name: flags.name,
        role: flags.role,
        expiresInDays: flags.expiresInDays,
      });
    },
  );

  return new Command('admin')
    .description(
      'users and API tokens, for operators: run with the server’s TESSERA_DATA or DATABASE_URL (with PGlite, while the server is stopped)',
    )
    .addCommand(configureCommand(createUser, io))
    .addCommand(configureCommand(createToken, io));
}

function withWorkspace(command: Command): Command {
  return command
    .option('--workspace <name>', 'the workspace, by name', 'default')
    .option('--create-workspace', 'make the workspace when there is none of that name');
}

function where(io: CliIO, flags: WorkspaceFlags) {
  return {
    env: process.env,
    cwd: io.directory ?? process.cwd(),
    stdout: io.stdout,
    stderr: io.stderr,
    workspace: flags.workspace,
    createWorkspace: flags.createWorkspace,
  };
}

/** All of stdin, less the one line ending `echo` or a here-string adds. */
async function readPassword(stdin: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new UsageError('--password-stdin: nothing came on stdin');
  return password;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--expires-in-days: "${value}" is not a whole number of days`);
  return n;
}
