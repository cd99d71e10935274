import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera, tesseraIn } from '../testing/run-tessera.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../testing/plugins/${name}`, import.meta.url));
const firstRep = fixture('first-rep.ts');

let dir: string;
const data = (name: string) => join(dir, name);
const solveArgs = (...extra: string[]) => [
  'solve',
  '--accounts',
  data('accounts.csv'),
  '--reps',
  data('reps.csv'),
  '--strategy',
  'first-rep',
  '--out',
  data('plan.csv'),
  ...extra,
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-plugins-'));
  const generated = await tessera('generate', '--accounts', '400', '--reps', '4', '--out', dir);
  expect(generated.code).toBe(0);
  const scenario = (name: string, rep: number) => ({
    version: 1,
    name,
    dataset: { accounts: 'accounts.csv', reps: 'reps.csv' },
    strategy: { id: 'first-rep', params: { rep } },
  });
  await writeFile(data('first.json'), JSON.stringify(scenario('first', 0)));
  await writeFile(data('second.json'), JSON.stringify(scenario('second', 1)));
  await writeFile(
    data('sweep.json'),
    JSON.stringify({ version: 1, scenario: 'first.json', grid: { params: { rep: [0, 1, 2, 3] } } }),
  );
});

describe('--plugin', () => {
  it('solves with a strategy from a file', async () => {
    const result = await tessera(...solveArgs('--plugin', firstRep));
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    const rows = (await readFile(data('plan.csv'), 'utf8')).trimEnd().split('\n').slice(1);
    expect(rows.filter((row) => row.endsWith(',R001')).length).toBeGreaterThan(rows.length / 2);
  });

  it('lists the plugin with where it came from', async () => {
    const table = await tessera('plugins', '--plugin', firstRep);
    expect(table.stdout).toMatch(new RegExp(`first-rep\\s+1\\.2\\.0\\s+${firstRep}\\s+rep\\s`));
    expect(table.stdout).toMatch(/nearest\s+\S+\s+built-in/);
    const json = JSON.parse(
      (await tessera('plugins', '--plugin', firstRep, '--format', 'json')).stdout,
    ) as {
      id: string;
      source: string;
    }[];
    expect(json.find((p) => p.id === 'first-rep')?.source).toBe(firstRep);
  });

  it('runs the strategy in worker threads for compare and sweep', async () => {
    const compare = await tessera(
      'scenario',
      'compare',
      data('first.json'),
      data('second.json'),
      '--plugin',
      firstRep,
      '--format',
      'json',
    );
    expect(compare.stderr).not.toContain('tessera:');
    expect(compare.code).toBe(0);
    const sweep = await tessera(
      'scenario',
      'sweep',
      data('sweep.json'),
      '--plugin',
      firstRep,
      '--workers',
      '2',
      '--format',
      'json',
    );
    expect(sweep.stderr).not.toContain('tessera:');
    expect(sweep.code).toBe(0);
    expect((JSON.parse(sweep.stdout) as { rows: unknown[] }).rows).toHaveLength(4);
  });

  it('names a module that is missing, throws while loading or exports no plugin, in one line', async () => {
    const missing = await tessera(...solveArgs('--plugin', './nowhere/west.js'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `tessera: plugin module "./nowhere/west.js" (--plugin): no file or directory at ${join(process.cwd(), 'nowhere/west.js')}\n`,
    );
    const throws = await tessera(...solveArgs('--plugin', fixture('throws-on-import.ts')));
    expect(throws.code).toBe(1);
    expect(throws.stderr).toMatch(
      /^tessera: plugin module ".*throws-on-import\.ts" \(--plugin\): failed to load .*throws-on-import\.ts: TESSERA_WEST_KEY is not set\n$/,
    );
    const none = await tessera(...solveArgs('--plugin', fixture('no-plugin.ts')));
    expect(none.stderr).toMatch(/exports no plugin \(it exports version\)/);
    const twice = await tessera(
      ...solveArgs('--plugin', firstRep, '--plugin', fixture('first-rep-again.ts')),
    );
    expect(twice.stderr).toMatch(
      /strategy id "first-rep" is already taken by plugin module ".*first-rep\.ts"/,
    );
  });
});

describe('tessera.config', () => {
  it('is found from a subdirectory, its paths relative to it', async () => {
    const project = await mkdtemp(join(tmpdir(), 'tessera-project-'));
    await mkdir(join(project, 'data', 'west'), { recursive: true });
    await writeFile(join(project, 'tessera.config.json'), JSON.stringify({ plugins: [firstRep] }));
    const result = await tesseraIn(join(project, 'data', 'west'), ...solveArgs());
    expect(result.stderr).not.toContain('tessera:');
    expect(result.code).toBe(0);
    const listed = await tesseraIn(join(project, 'data'), 'plugins', '--format', 'json');
    expect(listed.stdout).toContain('"first-rep"');
  });

  it('names a config that is wrong', async () => {
    const project = await mkdtemp(join(tmpdir(), 'tessera-project-'));
    await writeFile(join(project, 'tessera.config.json'), JSON.stringify({ plugin: [firstRep] }));
    const result = await tesseraIn(project, ...solveArgs());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tessera: ${join(project, 'tessera.config.json')}: unknown key "plugin" (did you mean "plugins"?)\n`,
    );
  });
});
