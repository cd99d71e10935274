import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-format-'));
});

describe('--format', () => {
  it('gives generate and solve a JSON summary', async () => {
    const generated = await tessera(
      ...['generate', '--accounts', '300', '--reps', '3', '--out', dir, '--format', 'json'],
    );
    expect(JSON.parse(generated.stdout)).toEqual({
      accounts: { file: join(dir, 'accounts.csv'), rows: 300 },
      reps: { file: join(dir, 'reps.csv'), rows: 3 },
    });
    const solved = await tessera(
      ...['solve', '--accounts', join(dir, 'accounts.csv'), '--reps', join(dir, 'reps.csv')],
      ...['--strategy', 'nearest', '--out', join(dir, 'plan.csv'), '--format', 'json'],
    );
    expect(JSON.parse(solved.stdout)).toMatchObject({
      out: join(dir, 'plan.csv'),
      strategy: 'nearest',
      accounts: 300,
      territories: 3,
      unassigned: 0,
    });
  });

  it('is refused with anything but table or json, as a usage error', async () => {
    for (const command of [
      ['plugins'],
      ['generate', '--out', dir],
      ['scenario', 'sweep', 'x.json'],
    ]) {
      const result = await tessera(...command, '--format', 'xml');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'option \'--format <format>\' argument \'xml\' is invalid. expected "json" or "table"',
      );
    }
  });

  it('is the one output flag: --json is gone', async () => {
    const result = await tessera('plugins', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--json'");
  });
});
