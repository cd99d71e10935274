import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiCommands } from '../api-commands.js';
import { configureCommand } from '../configure-command.js';
import { CliError } from '../io.js';
import { tessera } from '../testing/run-tessera.js';
import { adminCommand } from './admin.js';

let dataDir: string;
let saved: string | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-cli-admin-'));
  saved = process.env.TESSERA_DATA;
  process.env.TESSERA_DATA = dataDir;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.TESSERA_DATA;
  else process.env.TESSERA_DATA = saved;
  await rm(dataDir, { recursive: true, force: true });
});

/** `tessera admin …` with `input` on stdin. */
async function admin(input: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const command = configureCommand(adminCommand(io, { stdin: Readable.from([input]) }), io);
  await command.parseAsync(argv, { from: 'user' });
  return { stdout, stderr };
}

describe('tessera admin', () => {
  it(
    'creates a user with the password from stdin, and a token printed alone on stdout',
    { timeout: 120_000 },
    async () => {
      const user = await admin(
        'a password from stdin\n',
        'create-user',
        '--email',
        'ops@example.com',
        '--password-stdin',
        '--role',
        'admin',
      );
      // A fresh folder: the command makes workspace `default`, as the server's first start would.
      expect(user.stderr).toBe(
        'tessera: made workspace "default"\ntessera: ops@example.com is admin of workspace "default" (new account)\n',
      );
      expect(user.stdout).toBe('');

      const token = await admin('', 'create-token', '--name', 'ci', '--role', 'planner');
      expect(token.stdout).toMatch(/^tsr_[A-Za-z0-9_-]{43}\n$/);
    },
  );

  it('exits non-zero with one line on bad input', async () => {
    const short = await tessera(
      'admin',
      'create-user',
      '--email',
      'x@example.com',
      '--role',
      'boss',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("option '--role <role>' argument 'boss' is invalid");

    const noPassword = await tessera(
      'admin',
      'create-user',
      '--email',
      'new@example.com',
      '--role',
      'viewer',
    );
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toBe(
      'tessera: new@example.com has no account yet: give a password to create it\n',
    );
  });

  it('says what to install when @tessera/api is not there', async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@tessera/api' imported from /somewhere/admin.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    const load = loadApiCommands('admin', () => Promise.reject(missing));
    await expect(load).rejects.toBeInstanceOf(CliError);
    await expect(load).rejects.toThrow(
      'tessera admin needs @tessera/api installed beside @tessera/cli',
    );
  });
});
