import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Context } from '../context.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { users } from '../db/schema/index.js';
import type { Services } from '../services/services.js';
import { hashPassword, verifyPassword } from './password.js';
import { signIn } from './sign-in.js';

// Response time must not tell which emails have accounts: both failures cost one scrypt of the
// same parameters. Counting the hashes checked says so without timing anything.
vi.mock('./password.js', { spy: true });

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  await database.db.insert(users).values({
    id: 'usr_ada',
    email: 'ada@example.com',
    passwordHash: await hashPassword('the right password'),
  });
});
afterAll(async () => {
  await database.close();
});

function context(): Context {
  return {
    services: { db: database.db } as Services,
    actor: null,
    requestId: 'test',
    csrfHeader: null,
    resHeaders: new Headers(),
    https: false,
  };
}

async function checkedHash(email: string): Promise<string> {
  vi.mocked(verifyPassword).mockClear();
  await expect(
    signIn({ ctx: context(), input: { email, password: 'a wrong password' } }),
  ).rejects.toThrow('wrong email or password');
  expect(verifyPassword).toHaveBeenCalledTimes(1);
  return vi.mocked(verifyPassword).mock.calls[0]![1];
}

describe('a failed sign-in', () => {
  it('checks one scrypt hash of the same cost for an unknown email as for a wrong password', async () => {
    const known = await checkedHash('ada@example.com');
    const unknown = await checkedHash('nobody@example.com');
    const cost = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(cost(unknown)).toBe(cost(known));
    expect(cost(known)).toMatch(/^scrypt\$\d+\$\d+\$\d+$/);
    expect(unknown).not.toBe(known);
  });
});
