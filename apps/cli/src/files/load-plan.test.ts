import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

let dir: string;
let accounts: string;
let reps: string;
let plan: string;

async function generate(count: number, out: string): Promise<void> {
  const result = await tessera(
    'generate',
    '--accounts',
    String(count),
    '--reps',
    '6',
    '--seed',
    '7',
    '--out',
    out,
  );
  expect(result.code, result.stderr).toBe(0);
}

/** The plan file with only the rows `keep` accepts (the header always kept). */
async function planWith(name: string, keep: (row: string, i: number) => boolean): Promise<string> {
  const [header, ...rows] = (await readFile(plan, 'utf8')).trimEnd().split('\n');
  const path = join(dir, name);
  await writeFile(path, [header, ...rows.filter(keep)].join('\n') + '\n');
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-plan-'));
  await generate(400, dir);
  accounts = join(dir, 'accounts.csv');
  reps = join(dir, 'reps.csv');
  plan = join(dir, 'plan.csv');
  const solved = await tessera(
    'solve',
    '--accounts',
    accounts,
    '--reps',
    reps,
    '--strategy',
    'nearest',
    '--out',
    plan,
  );
  expect(solved.code, solved.stderr).toBe(0);
});

const metrics = (planFile: string) =>
  tessera('metrics', '--accounts', accounts, '--reps', reps, '--plan', planFile);

describe('a plan made for another dataset', () => {
  it('is refused when it covers under half of the accounts, saying how many', async () => {
    const sample = join(dir, 'sample');
    await generate(100, sample);
    const small = join(sample, 'plan.csv');
    const solved = await tessera(
      'solve',
      '--accounts',
      join(sample, 'accounts.csv'),
      '--reps',
      join(sample, 'reps.csv'),
      '--strategy',
      'nearest',
      '--out',
      small,
    );
    expect(solved.code, solved.stderr).toBe(0);
    const result = await metrics(small);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `tessera: ${small} covers 100 of 400 accounts (25%): is it for another dataset?\n`,
    );
    const compared = await tessera('compare', '--accounts', accounts, '--reps', reps, plan, small);
    expect(compared.code).toBe(1);
    expect(compared.stderr).toContain(`${small} covers 100 of 400 accounts (25%)`);
  });

  it('counts the plan rows that name accounts the accounts file lacks', async () => {
    const other = await planWith('other.csv', () => true);
    const text = await readFile(other, 'utf8');
    await writeFile(other, text.replaceAll(/^A/gm, 'Z'));
    const result = await metrics(other);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tessera: ${other}: `);
    expect(result.stderr).toContain('line 2, column "account_id": value "Z0000001"');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `${other} names 400 accounts not in ${accounts}: is it for another dataset?`,
    );
  });

  it('counts a stray account without asking about another dataset', async () => {
    const stray = await planWith('stray.csv', () => true);
    const text = await readFile(stray, 'utf8');
    await writeFile(stray, text.replace(/^A0000001,/m, 'NOPE,'));
    const result = await metrics(stray);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(
        `^tessera: ${stray}: line 2, column "account_id": .*; ${stray} names 1 account not in ${accounts}$`,
      ),
    );
  });

  it('warns on a partial plan and measures it', async () => {
    const partial = await planWith('partial.csv', (_, i) => i >= 10);
    const result = await metrics(partial);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `warning: ${partial} covers 390 of 400 accounts (97.5%): the other 10 count as unassigned\n`,
    );
    expect((JSON.parse(result.stdout) as { coverage: { unassigned: number } }).coverage).toEqual(
      expect.objectContaining({ unassigned: 10 }),
    );
  });

  it('takes a partial baseline for a scenario and says how many accounts it leaves without owner', async () => {
    await planWith('baseline.csv', (_, i) => i < 100);
    const scenario = join(dir, 'scenario.json');
    await writeFile(
      scenario,
      JSON.stringify({
        version: 1,
        name: 'from a partial baseline',
        dataset: { accounts: 'accounts.csv', reps: 'reps.csv', baseline: 'baseline.csv' },
        strategy: { id: 'nearest' },
      }),
    );
    const result = await tessera('scenario', 'run', scenario, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const warning =
      'the baseline plan leaves 300 of 400 accounts (75%) without an owner: continuity counts them as unowned; is it for another dataset?';
    expect(result.stderr).toContain(`warning: ${warning}\n`);
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toContain(warning);
  });
});
