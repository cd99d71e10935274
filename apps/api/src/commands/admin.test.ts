import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../security/http-client.js';
import { startTestServer } from '../testing/test-server.js';
import { createTokenCommand, createUserCommand } from './admin.js';

const PASSWORD = 'an operator-chosen password';
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-admin-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    options: {
      env: { TESSERA_DATA: dataDir },
      cwd: process.cwd(),
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    },
  };
}

describe('tessera admin, against the server’s data folder', () => {
  it('creates a user and a token the server then accepts', { timeout: 120_000 }, async () => {
    const user = io();
    await createUserCommand({
      ...user.options,
      email: 'Ops@Example.com',
      password: PASSWORD,
      role: 'admin',
    });
    expect(user.out.stderr).toContain(
      'ops@example.com is admin of workspace "default" (new account)',
    );
    expect(user.out.stdout).toBe('');

    const token = io();
    await createTokenCommand({ ...token.options, name: 'ci', role: 'planner', expiresInDays: 7 });
    const printed = token.out.stdout.trim();
    expect(printed).toMatch(/^tsr_[A-Za-z0-9_-]{43}$/);
    expect(token.out.stderr).toContain('"ci" (planner) for workspace "default": shown this once');
    expect(`${user.out.stdout}${user.out.stderr}${token.out.stderr}`).not.toContain(PASSWORD);

    // The admin command writes the PGlite folder, so this server must read that folder too.
    const server = await startTestServer({ TESSERA_DATA: dataDir }, { embedded: true });
    try {
      const session = await signInOverHttp(server, 'ops@example.com', PASSWORD);
      expect(session.csrfToken).toBeTruthy();
      const plugins = await fetch(`${server.url}/api/plugins`, {
        headers: { authorization: `Bearer ${printed}` },
      });
      expect(plugins.status).toBe(200);

      // While the server holds the folder, a command says so instead of opening it too.
      const refused = io();
      const attempt = createTokenCommand({ ...refused.options, name: 'late', role: 'viewer' });
      await expect(attempt).rejects.toMatchObject({ code: 'DATA_IN_USE' });
      await expect(attempt).rejects.toThrow(
        new RegExp(
          `in use by process ${process.pid}.*PGlite allows one process per folder.*POST /api/tokens`,
        ),
      );
    } finally {
      await server.close();
    }
    // Once it has stopped, the folder is free again.
    const after = io();
    await createTokenCommand({ ...after.options, name: 'after', role: 'viewer' });
    expect(after.out.stdout).toMatch(/^tsr_/);
  });

  it('refuses bad input with the flag named, and an unknown workspace with the ones there are', async () => {
    await expect(
      createUserCommand({
        ...io().options,
        email: 'x@example.com',
        password: 'short',
        role: 'admin',
      }),
    ).rejects.toThrow('--password: a password must be at least 10 characters');
    await expect(createTokenCommand({ ...io().options, name: 'x', role: 'owner' })).rejects.toThrow(
      '--role: must be one of viewer, planner, admin',
    );
    await expect(
      createTokenCommand({ ...io().options, name: 'x', role: 'viewer', workspace: 'acme' }),
    ).rejects.toThrow('no workspace "acme" (there is: default); add --create-workspace to make it');

    const made = io();
    await createUserCommand({
      ...made.options,
      email: 'lead@acme.example',
      password: PASSWORD,
      role: 'admin',
      workspace: 'acme',
      createWorkspace: true,
    });
    expect(made.out.stderr).toContain('made workspace "acme"');
  });

  it('adds an existing account to a workspace without touching its password', async () => {
    const again = io();
    await expect(
      createUserCommand({
        ...again.options,
        email: 'ops@example.com',
        password: 'a different password',
        role: 'viewer',
        workspace: 'acme',
      }),
    ).rejects.toThrow('already has an account');
    await createUserCommand({
      ...again.options,
      email: 'ops@example.com',
      role: 'viewer',
      workspace: 'acme',
    });
    expect(again.out.stderr).toContain('ops@example.com is viewer of workspace "acme"\n');
  });
});
