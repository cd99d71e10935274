import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-tables-'));
});

describe('loading the tables', () => {
  it('fails when --skip-invalid leaves no rep, naming the reps file and the rows', async () => {
    const accounts = join(dir, 'accounts.csv');
    const reps = join(dir, 'reps.csv');
    await writeFile(accounts, 'id,lat,lon,workload\na1,40.7,-74,1\na2,41.9,-87.6,1\n');
    await writeFile(reps, 'id,lat,lon,capacity\nR1,north,-74,10\nR2,95,-87,10\nR3,40,-74,lots\n');
    const result = await tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'geographic',
      '--skip-invalid',
      '--out',
      join(dir, 'plan.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `tessera: ${reps}: no rep left: all 3 rows were invalid and skipped`,
    );
  });

  it('sums up each kind of warning in one line with a few of the values', async () => {
    const accounts = join(dir, 'owners.csv');
    const reps = join(dir, 'team.csv');
    await writeFile(reps, 'id,lat,lon,capacity\nR1,40.7,-74,10\n');
    await writeFile(
      accounts,
      'id,lat,lon,workload,owner\n' +
        ['R9', 'R8', 'R9', 'R7', 'R6', 'R1'].map((o, i) => `a${i},40.7,-74,1,${o}`).join('\n') +
        '\n',
    );
    const result = await tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'nearest',
      '--out',
      join(dir, 'owners-plan.csv'),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `${accounts}: 5 warnings: column "owner" names no rep in the rep table; the account counts as unowned: "R9", "R8", "R7", … (first on line 2)\n`,
    );
  });
});
