import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from './testing/run-tessera.js';

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1)!;

let dir: string;
let accounts: string;
let reps: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-cli-'));
  accounts = join(dir, 'accounts.csv');
  reps = join(dir, 'reps.csv');
  const result = await tessera(
    'generate',
    '--accounts',
    '2000',
    '--reps',
    '12',
    '--seed',
    '3',
    '--out',
    dir,
  );
  expect(result).toMatchObject({ code: 0, stderr: '' });
});

describe('tessera generate', () => {
  it('writes the sample files, the same for the same seed', async () => {
    const first = await readFile(accounts, 'utf8');
    expect(first.split('\n')[0]).toMatch(/^id,name,lat,lon,/);
    expect(first.trimEnd().split('\n')).toHaveLength(2001);
    const again = join(dir, 'again');
    await tessera('generate', '--accounts', '2000', '--reps', '12', '--seed', '3', '--out', again);
    expect(await readFile(join(again, 'accounts.csv'), 'utf8')).toBe(first);
  });

  it('rejects a count that is not a positive integer as a usage error', async () => {
    const result = await tessera('generate', '--accounts', 'many', '--out', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--accounts <n>' argument 'many' is invalid");
  });
});

describe('tessera solve, metrics and compare', () => {
  let plan: string;
  let baseline: string;

  beforeAll(async () => {
    plan = join(dir, 'plan.csv');
    const metricsFile = join(dir, 'metrics.json');
    const geojsonFile = join(dir, 'territories.geojson');
    const result = await tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'nearest',
      '--out',
      plan,
      '--metrics',
      metricsFile,
      '--geojson',
      geojsonFile,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/2000 accounts in 12 territories/);
    // the baseline is a plan too: every account with its current owner
    baseline = join(dir, 'baseline.csv');
    const csv = await readFile(accounts, 'utf8');
    const header = csv.split('\n')[0]!.split(',');
    const ownerAt = header.indexOf('owner');
    const lines = csv
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const known = new Set(
      (await readFile(reps, 'utf8'))
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    await writeFile(
      baseline,
      [
        'account_id,territory_id,rep_id',
        ...lines.map((cells) => {
          const owner = known.has(cells[ownerAt]) ? cells[ownerAt]! : '';
          return `${cells[0]},${owner ? `T-${owner}` : ''},${owner}`;
        }),
      ].join('\n') + '\n',
    );
  });

  it('writes a plan with a row per account and the metrics JSON', async () => {
    const rows = (await readFile(plan, 'utf8')).trimEnd().split('\n');
    expect(rows[0]).toBe('account_id,territory_id,rep_id');
    expect(rows).toHaveLength(2001);
    const metrics = JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8')) as {
      territories: unknown[];
    };
    expect(metrics.territories).toHaveLength(12);
    const geojson = JSON.parse(await readFile(join(dir, 'territories.geojson'), 'utf8')) as {
      type: string;
      features: { properties: { repId: string }; geometry: { type: string } }[];
    };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBeGreaterThan(0);
    expect(geojson.features[0]!.geometry.type).toBe('MultiPolygon');
  });

  it('prints the metrics JSON, or a table for people', async () => {
    const json = await tessera('metrics', '--accounts', accounts, '--reps', reps, '--plan', plan);
    expect(json.code, json.stderr).toBe(0);
    // the sample's stale owners (reps who left) are summed up in one warning line on stderr
    expect(json.stderr).toMatch(
      /^\S+accounts\.csv: \d+ warnings: column "owner" names no rep .*\(first on line \d+\)\n$/,
    );
    const metrics = JSON.parse(json.stdout) as {
      balance: { workload: { index: number } };
      coverage: { unassigned: number };
    };
    expect(metrics.balance.workload.index).toBeGreaterThanOrEqual(0);
    expect(metrics.coverage.unassigned).toBe(0);
    const table = await tessera(
      'metrics',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--plan',
      plan,
      '--format',
      'table',
    );
    expect(table.stdout).toContain('balance workload: index (0–100)');
    expect(table.stdout).toContain('T-R001');
  });

  it('compares two plans: deltas and accounts moved', async () => {
    const result = await tessera('compare', '--accounts', accounts, '--reps', reps, baseline, plan);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as {
      accountsMoved: number;
      delta: Record<string, number>;
    };
    expect(comparison.accountsMoved).toBeGreaterThan(0);
    expect(Object.keys(comparison.delta)).toContain('balance.workload.index');
    const same = JSON.parse(
      (await tessera('compare', '--accounts', accounts, '--reps', reps, plan, plan)).stdout,
    ) as { accountsMoved: number };
    expect(same.accountsMoved).toBe(0);
    const table = await tessera(
      'compare',
      '--accounts',
      accounts,
      '--reps',
      reps,
      baseline,
      plan,
      '--format',
      'table',
    );
    expect(table.stdout).toMatch(/accounts that change rep: [\d,]+ \(/);
  });
});

describe('bad input: one line on stderr naming file, line and reason', () => {
  it('names the file, line and column of a bad value', async () => {
    const bad = join(dir, 'bad-accounts.csv');
    await writeFile(bad, 'id,lat,lon\na1,40,-74\na2,95,-74\n');
    const result = await tessera(
      'solve',
      '--accounts',
      bad,
      '--reps',
      reps,
      '--strategy',
      'nearest',
      '--out',
      join(dir, 'never.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^tessera: .*bad-accounts\.csv: line 3, column "lat": value "95" is outside -90..90\n$/,
    );
    await expect(readFile(join(dir, 'never.csv'))).rejects.toThrow();
  });

  it('names a missing file', async () => {
    const result = await tessera(
      'metrics',
      '--accounts',
      join(dir, 'nope.csv'),
      '--reps',
      reps,
      '--plan',
      join(dir, 'plan.csv'),
    );
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toMatch(/^tessera: accounts file ".*nope\.csv" does not exist\n$/);
  });

  it('names an unknown strategy and lists the known ones', async () => {
    const result = await tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'magic',
      '--out',
      join(dir, 'x.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'tessera: unknown strategy "magic" (known: geographic, industry, nearest, pipeline, rep-skill, size)\n',
    );
  });

  it('names a parameter the strategy rejects', async () => {
    const result = await tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'nearest',
      '--param',
      'k=3',
      '--out',
      join(dir, 'x.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^tessera: strategy "nearest": parameters: unknown key "k" \(none are allowed here\)\n$/,
    );
  });

  it('names an account of the plan that the accounts file lacks', async () => {
    const badPlan = join(dir, 'bad-plan.csv');
    await writeFile(badPlan, 'account_id,territory_id,rep_id\nNOPE,T-R001,R001\n');
    const result = await tessera(
      'metrics',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--plan',
      badPlan,
    );
    expect(result.code).toBe(1);
    expect(lastLine(result.stderr)).toMatch(
      /^tessera: .*bad-plan\.csv: line 2, column "account_id"/,
    );
  });

  it('reports a missing required option as a usage error', async () => {
    const result = await tessera('metrics', '--accounts', accounts);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--reps <file>' not specified");
  });
});

describe('tessera plugins', () => {
  it('lists ids, versions and JSON Schemas', async () => {
    const result = await tessera('plugins', '--format', 'json');
    const plugins = JSON.parse(result.stdout) as {
      id: string;
      version: string;
      paramsSchema: object;
    }[];
    expect(plugins.map((p) => p.id)).toContain('nearest');
    expect(plugins[0]!.paramsSchema).toHaveProperty('type', 'object');
    expect((await tessera('plugins')).stdout).toMatch(/^id\s+version/);
  });

  it('prints help and the version', async () => {
    expect((await tessera('--help')).stdout).toContain('solve');
    expect((await tessera('solve', '--help')).stdout).toContain('--strategy <id>');
    expect(await tessera('--version')).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});
