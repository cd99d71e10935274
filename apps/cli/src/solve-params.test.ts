import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from './testing/run-tessera.js';
import { parseParams, resolveParams } from './params.js';

const PIPELINE = {
  stages: [{ split: 'size' }, { split: 'industry', params: { minShare: 0.05 } }],
  territories: { strategy: 'nearest', params: {} },
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-params-'));
  await writeFile(join(dir, 'pipeline.json'), JSON.stringify(PIPELINE));
  await writeFile(join(dir, 'broken.json'), '{ "stages": [ }');
  await writeFile(join(dir, 'list.json'), '[1, 2]');
});

describe('resolveParams', () => {
  it('reads a parameters file relative to the working directory', async () => {
    expect(await resolveParams(['file=pipeline.json'], dir)).toEqual(PIPELINE);
  });

  it('lets other flags override keys of the file, nested and in lists', async () => {
    expect(
      await resolveParams(
        [
          'stages.1.params.minShare=0.1',
          'file=pipeline.json',
          'territories.strategy=geographic',
          'territories.params.tolerance=0.03',
        ],
        dir,
      ),
    ).toEqual({
      stages: [{ split: 'size' }, { split: 'industry', params: { minShare: 0.1 } }],
      territories: { strategy: 'geographic', params: { tolerance: 0.03 } },
    });
  });

  it('works as before without a file', async () => {
    expect(await resolveParams(['k=3', 'centers=reps'], dir)).toEqual({ k: 3, centers: 'reps' });
  });

  it('names the file it cannot use', async () => {
    await expect(resolveParams(['file=missing.json'], dir)).rejects.toThrow(
      'parameters file "missing.json" does not exist',
    );
    await expect(resolveParams(['file=broken.json'], dir)).rejects.toThrow(
      /^parameters file "broken\.json" is not valid JSON: /,
    );
    await expect(resolveParams(['file=list.json'], dir)).rejects.toThrow(
      'parameters file "list.json" must hold a JSON object of parameters',
    );
    await expect(resolveParams(['file=a.json', 'file=b.json'], dir)).rejects.toThrow(
      'is given 2 times',
    );
    await expect(resolveParams(['file='], dir)).rejects.toThrow('needs a path');
  });

  it('rejects an index beyond the end of a list', () => {
    expect(() => parseParams(['stages.5.split=size'], { stages: [] })).toThrow(
      '"5" is not an index of the list (0..0)',
    );
  });
});

describe('tessera solve --strategy pipeline --param file=…', () => {
  let accounts: string;
  let reps: string;

  beforeAll(async () => {
    accounts = join(dir, 'accounts.csv');
    reps = join(dir, 'reps.csv');
    const result = await tessera(
      'generate',
      '--accounts',
      '1500',
      '--reps',
      '10',
      '--seed',
      '4',
      '--out',
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
  });

  const solve = (...extra: string[]) =>
    tessera(
      'solve',
      '--accounts',
      accounts,
      '--reps',
      reps,
      '--strategy',
      'pipeline',
      '--out',
      join(dir, 'plan.csv'),
      ...extra,
    );

  it('runs the pipeline written in the file', async () => {
    const result = await solve('--param', `file=${join(dir, 'pipeline.json')}`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1500 accounts in 10 territories, \d+ unassigned/);
    const plan = await readFile(join(dir, 'plan.csv'), 'utf8');
    expect(plan.split('\n')[0]).toBe('account_id,territory_id,rep_id');
    expect(plan.trimEnd().split('\n')).toHaveLength(1501);
  });

  it('builds the territories with geographic when the file names no final strategy', async () => {
    await writeFile(join(dir, 'tiers.json'), JSON.stringify({ stages: [{ split: 'size' }] }));
    const result = await solve('--param', `file=${join(dir, 'tiers.json')}`, '--seed', '2');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1500 accounts in 10 territories, 0 unassigned/);
  });

  it('fails on one line naming a missing file', async () => {
    const result = await solve('--param', `file=${join(dir, 'nope.json')}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tessera: parameters file ".*nope\.json" does not exist\n$/);
  });

  it('fails on one line naming the bad field of the pipeline, before reading the data', async () => {
    const result = await solve(
      '--param',
      `file=${join(dir, 'pipeline.json')}`,
      '--param',
      'stages.1.params.minShare=2',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^tessera: strategy "pipeline": parameter "stages\.1\.params\.minShare": must be at most 1, got 2\n$/,
    );
  });
});
