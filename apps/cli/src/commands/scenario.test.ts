import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

let dir: string;
const dataset = { accounts: 'accounts.csv', reps: 'reps.csv' };
// A few whale accounts hold most of the generated potential; a named-account team takes them,
// so territories can balance on the rest.
const whales = { type: 'remove-accounts', accounts: { filter: 'potential > 2000000' } };
// Free centres: territories go where the potential is, as in planning where to hire.
const byPotential = {
  id: 'geographic',
  params: { balanceOn: 'potential', tolerance: 0.1, centers: 'free' },
};
const west = 'region in ("CA", "OR", "WA", "NV", "AZ")';

async function writeJson(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value, null, 2));
  return path;
}

async function readPlan(path: string): Promise<Map<string, { territory: string; rep: string }>> {
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n').slice(1);
  return new Map(
    lines.map((line) => {
      const [account, territory, rep] = line.split(',');
      return [account!, { territory: territory!, rep: rep! }];
    }),
  );
}

async function readAccounts(): Promise<Map<string, Record<string, string>>> {
  const [header, ...lines] = (await readFile(join(dir, 'accounts.csv'), 'utf8'))
    .trimEnd()
    .split('\n');
  const names = header!.split(',');
  const out = new Map<string, Record<string, string>>();
  for (const line of lines) {
    // Generated names hold no commas or quotes before the columns read here.
    const cells = line.split(',');
    out.set(cells[0]!, Object.fromEntries(names.map((n, i) => [n, cells[i]!])));
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-scenario-'));
  const result = await tessera(
    'generate',
    '--accounts',
    '3000',
    '--reps',
    '12',
    '--seed',
    '3',
    '--out',
    dir,
  );
  expect(result.code).toBe(0);
});

describe('tessera scenario run', () => {
  it('applies every kind of edit, visibly in the plan', async () => {
    const accounts = await readAccounts();
    const ownedBy = (rep: string): string[] =>
      [...accounts.values()].filter((a) => a.owner === rep).map((a) => a.id!);
    const lockedOne = ownedBy('R003')[0]!;
    const reassigned = ownedBy('R004').slice(0, 3);
    const removed = ownedBy('R006').slice(0, 2);
    const path = await writeJson('every-edit.json', {
      version: 1,
      name: 'every edit',
      dataset,
      edits: [
        {
          type: 'add-rep',
          rep: { id: 'R100', name: 'New Hire', lat: 39.74, lon: -104.99, capacity: 1200 },
        },
        { type: 'remove-rep', rep: 'R002' },
        { type: 'move-rep', rep: 'R007', lat: 47.61, lon: -122.33 },
        { type: 'set-capacity', rep: 'R008', capacity: 900 },
        { type: 'reassign', accounts: { ids: reassigned }, to: 'R010' },
        { type: 'lock', accounts: { ids: [lockedOne, reassigned[0]!] } },
        { type: 'unlock', accounts: { ids: [reassigned[0]!] } },
        {
          type: 'scale',
          measure: 'workload',
          factor: 1.5,
          accounts: { filter: 'industry = "healthcare"' },
        },
        {
          type: 'add-accounts',
          accounts: [{ id: 'NEW-1', lat: 39.7, lon: -105, workload: 5, potential: 1000 }],
        },
        { type: 'remove-accounts', accounts: { ids: removed } },
      ],
      strategy: { id: 'geographic', params: {} },
      seed: 5,
    });
    const out = join(dir, 'every-edit-plan.csv');
    const metrics = join(dir, 'every-edit-metrics.json');
    const result = await tessera('scenario', 'run', path, '--out', out, '--metrics', metrics);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('edit 2 (remove-rep): removed rep "R002"');
    expect(result.stdout).toContain('edit 9 (add-accounts): added 1 account');
    expect(result.stderr).toContain('scenario "every edit": running the strategy');

    const plan = await readPlan(out);
    expect(plan.size).toBe(3000 - 2 + 1);
    const reps = new Set([...plan.values()].map((p) => p.rep));
    expect(reps.has('R002')).toBe(false); // a removed rep owns nothing
    expect(reps.has('R100')).toBe(true); // the new hire got a territory
    expect(plan.get(lockedOne)!.rep).toBe('R003'); // a locked account stays
    expect(plan.get(reassigned[1]!)!.rep).toBe('R010'); // reassigned, and held there
    expect(plan.get(reassigned[2]!)!.rep).toBe('R010');
    expect(plan.has('NEW-1')).toBe(true);
    for (const id of removed) expect(plan.has(id)).toBe(false);

    const report = JSON.parse(await readFile(metrics, 'utf8')) as {
      edits: string[];
      territories: { repId: string }[];
      timings: { totalMs: number };
    };
    expect(report.edits).toHaveLength(10);
    expect(report.territories.map((t) => t.repId)).toContain('R100');
  });

  it('follows potential: doubling it in the West pulls territories there', async () => {
    const base = await writeJson('base.json', {
      version: 1,
      name: 'base',
      dataset,
      edits: [whales],
      strategy: byPotential,
      seed: 1,
    });
    const doubled = await writeJson('west.json', {
      version: 1,
      name: 'west x2',
      dataset,
      edits: [
        whales,
        { type: 'scale', measure: 'potential', factor: 2, accounts: { filter: west } },
      ],
      strategy: byPotential,
      seed: 1,
    });
    const accounts = await readAccounts();
    const westStates = new Set(['CA', 'OR', 'WA', 'NV', 'AZ']);
    // Territories' worth of the West: each territory counts for its share of western accounts.
    const westTerritories = async (scenario: string): Promise<number> => {
      const out = join(dir, `${scenario}.plan.csv`);
      expect((await tessera('scenario', 'run', join(dir, scenario), '--out', out)).code).toBe(0);
      const all = new Map<string, number>();
      const inWest = new Map<string, number>();
      for (const [account, { territory }] of await readPlan(out)) {
        all.set(territory, (all.get(territory) ?? 0) + 1);
        if (westStates.has(accounts.get(account)!.region!))
          inWest.set(territory, (inWest.get(territory) ?? 0) + 1);
      }
      return [...all].reduce((sum, [t, n]) => sum + (inWest.get(t) ?? 0) / n, 0);
    };
    expect(base).toContain('base.json');
    expect(doubled).toContain('west.json');
    const before = await westTerritories('base.json');
    const after = await westTerritories('west.json');
    expect(after).toBeGreaterThan(before + 0.3);
  });

  it('fails with one line naming the file and the bad edit', async () => {
    const path = await writeJson('bad-edit.json', {
      version: 1,
      name: 'bad',
      dataset,
      edits: [{ type: 'remove-rep', rep: 'R999' }],
    });
    const result = await tessera('scenario', 'run', path);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^tessera: edit 1 \(remove-rep\): no rep "R999" \(the scenario has 12: R001, /,
    );
    const typo = await writeJson('typo.json', {
      version: 1,
      name: 'typo',
      dataset,
      edits: [{ type: 'scale', measure: 'potential', factor: -1, accounts: { filter: 'all' } }],
    });
    const second = await tessera('scenario', 'run', typo);
    expect(second.stderr).toContain(`tessera: ${typo}: scenario "typo": edits[0].factor: `);
    await writeFile(join(dir, 'broken.json'), '{ "version": 1,');
    const third = await tessera('scenario', 'run', join(dir, 'broken.json'));
    expect(third.stderr).toContain('broken.json: not valid JSON');
    const nowhere = await writeJson('nowhere.json', { version: 1, name: 'nowhere' });
    expect((await tessera('scenario', 'run', nowhere)).stderr).toContain(
      'the scenario names no dataset',
    );
  });
});

// Each test starts worker threads and runs several scenarios in them: on a machine busy with
// other jobs that takes well over the default 30 s.
describe('tessera scenario compare and sweep', { timeout: 180_000 }, () => {
  it('compares scenarios run in worker threads', async () => {
    const result = await tessera(
      'scenario',
      'compare',
      join(dir, 'base.json'),
      join(dir, 'west.json'),
      '--moved',
      join(dir, 'moved.csv'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A = base');
    expect(result.stdout).toContain('B = west x2');
    expect(result.stdout).toMatch(/A → B: [\d,]+ accounts move/);
    expect(result.stdout).toContain('rep workloads, largest change first');
    const moved = (await readFile(join(dir, 'moved.csv'), 'utf8')).trimEnd().split('\n');
    expect(moved[0]).toBe(
      'scenario_a,scenario_b,account_id,from_territory,from_rep,to_territory,to_rep',
    );
    expect(moved.length).toBeGreaterThan(1);
    expect(moved[1]).toMatch(/^base,west x2,A\d+,T-R\d+,R\d+,T-R\d+,R\d+$/);

    const json = await tessera(
      'scenario',
      'compare',
      join(dir, 'base.json'),
      join(dir, 'west.json'),
      '--format',
      'json',
    );
    const report = JSON.parse(json.stdout) as {
      pairs: { accountsMoved: number; moved: unknown[] }[];
    };
    expect(report.pairs[0]!.moved).toHaveLength(report.pairs[0]!.accountsMoved);
    expect(report.pairs[0]!.accountsMoved).toBe(moved.length - 1);
  });

  it('simulates revenue on common draws when asked', async () => {
    const run = await tessera('scenario', 'run', join(dir, 'base.json'), '--simulate', '200');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('revenue simulation: 200 draws, seed 0');
    const expected = /expected revenue\s+([\d,]+)/.exec(run.stdout)![1];
    const result = await tessera(
      'scenario',
      'compare',
      join(dir, 'base.json'),
      join(dir, 'west.json'),
      '--simulate',
      '200',
    );
    expect(result.code).toBe(0);
    // The same plan, the same draws: run and compare agree on the base scenario.
    expect(result.stdout).toMatch(
      new RegExp(`expected revenue\\s+${expected!}\\s+[\\d,]+\\s+-?[\\d,]+`),
    );
  });

  it('refuses one scenario or five as a usage error (exit 2)', async () => {
    const one = await tessera('scenario', 'compare', join(dir, 'base.json'));
    expect(one.code).toBe(2);
    expect(one.stderr).toBe(
      'tessera: scenario compare takes 2 to 4 scenario files, got 1\n(run with --help for usage)\n',
    );
    const five = await tessera(
      'scenario',
      'compare',
      ...Array<string>(5).fill(join(dir, 'base.json')),
    );
    expect(five.code).toBe(2);
    expect(five.stderr).toContain('scenario compare takes 2 to 4 scenario files, got 5');
  });

  it('sweeps a grid and marks the trade-off frontier', async () => {
    const path = await writeJson('sweep.json', {
      version: 1,
      name: 'k and continuity',
      scenario: 'base.json',
      grid: { k: [10, 12], continuityWeight: [0, 2] },
    });
    const result = await tessera('scenario', 'sweep', path, '--workers', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sweep "k and continuity": 4 runs, \d non-dominated/);
    expect(result.stdout).toContain('geographic k=12 continuityWeight=2');
    expect(result.stdout).toContain('★');
    expect(result.stderr).toContain('sweep: 4/4 runs done');
    const json = await tessera('scenario', 'sweep', path, '--format', 'json');
    const sweep = JSON.parse(json.stdout) as {
      rows: { name: string; nonDominated: boolean }[];
      nonDominated: number[];
    };
    expect(sweep.rows).toHaveLength(4);
    expect(sweep.nonDominated.length).toBeGreaterThan(0);
  });

  it('names a bad sweep', async () => {
    const path = await writeJson('bad-sweep.json', {
      version: 1,
      scenario: 'base.json',
      grid: { tolerance: [] },
    });
    const result = await tessera('scenario', 'sweep', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tessera: ${path}: sweep: grid.tolerance: lists no value`);
  });
});
