import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

let dir: string;
let balanced: string;
let onPlan: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-compare-'));
  const generated = await tessera(
    'generate',
    '--accounts',
    '400',
    '--reps',
    '6',
    '--seed',
    '5',
    '--out',
    dir,
  );
  expect(generated.code, generated.stderr).toBe(0);
  const dataset = { accounts: 'accounts.csv', reps: 'reps.csv' };
  balanced = join(dir, 'balanced.json');
  await writeFile(
    balanced,
    JSON.stringify({ version: 1, name: 'balanced', dataset, strategy: { id: 'geographic' } }),
  );
  const ran = await tessera('scenario', 'run', balanced, '--out', join(dir, 'balanced-plan.csv'));
  expect(ran.code, ran.stderr).toBe(0);
  // The same plan, reached from the balanced plan as baseline: every account kept there.
  onPlan = join(dir, 'on-plan.json');
  await writeFile(
    onPlan,
    JSON.stringify({
      version: 1,
      name: 'kept',
      dataset: { ...dataset, baseline: 'balanced-plan.csv' },
      edits: [{ type: 'lock', accounts: { filter: 'all' } }],
      strategy: { id: 'nearest' },
    }),
  );
});

describe('scenario compare with different baselines', () => {
  it('measures both against the first scenario’s baseline and says so', async () => {
    const result = await tessera('scenario', 'compare', balanced, onPlan, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as {
      reference: unknown;
      continuity: { accountsMovedShare: number }[];
      deltas: Record<string, number>[];
      baselines: { kind: string; differsFromReference: number; ownContinuity: unknown }[];
    };
    expect(comparison.reference).toEqual({ scenario: 0, name: 'balanced', kind: 'owners' });
    // One plan, one reference: the same continuity, no delta, although B's own says 0.
    expect(comparison.continuity[1]).toEqual(comparison.continuity[0]);
    expect(comparison.continuity[0]!.accountsMovedShare).toBeGreaterThan(0);
    expect(comparison.deltas[1]!['continuity.accountsMovedShare']).toBe(0);
    expect(comparison.baselines[1]).toMatchObject({
      kind: 'plan',
      ownContinuity: { accountsMovedShare: 0, revenueMovedShare: 0 },
    });
    expect(comparison.baselines[1]!.differsFromReference).toBeGreaterThan(0);

    const table = await tessera('scenario', 'compare', balanced, onPlan);
    expect(table.stdout).toContain(
      "continuity: every scenario against A's baseline (today's owners, the accounts' owner column)\n",
    );
    expect(table.stdout).toContain(
      `  B's own baseline (a baseline plan) differs from it for ${comparison.baselines[1]!.differsFromReference.toLocaleString('en-US')} accounts; against its own, B moves 0% of accounts and 0% of revenue\n`,
    );
    expect(table.stdout).toMatch(/continuity: accounts moved +([\d.]+) +\1 +0\n/);
  });
});
