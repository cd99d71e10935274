// The quick-start demo: generate sample data, solve it with the `nearest` strategy and print
// the metrics table, then compare two what-if scenarios in worker threads, all through the
// real `tessera` command (built by `pnpm demo` first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join('out', 'sample');
const accounts = join(out, 'accounts.csv');
const reps = join(out, 'reps.csv');
const plan = join(out, 'plan.csv');

function tessera(...args: string[]): void {
  process.stderr.write(`$ tessera ${args.join(' ')}\n`);
  execFileSync(process.execPath, [join(root, 'apps/cli/dist/bin.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** The same, keeping only the command's stderr: for a step whose report would drown the rest. */
function quietly(...args: string[]): void {
  process.stderr.write(`$ tessera ${args.join(' ')} > /dev/null\n`);
  execFileSync(process.execPath, [join(root, 'apps/cli/dist/bin.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

try {
  tessera('generate', '--accounts', '10000', '--reps', '50', '--seed', '7', '--out', out);
  tessera('solve', '--accounts', accounts, '--reps', reps, '--strategy', 'nearest', '--out', plan);
  tessera('metrics', '--accounts', accounts, '--reps', reps, '--plan', plan, '--format', 'table');
  const [balanced, hire] = writeScenarios();
  quietly('scenario', 'run', balanced!, '--out', join(out, 'balanced-plan.csv'));
  tessera('scenario', 'compare', balanced!, hire!, '--simulate');
} catch {
  // tessera has already said what went wrong on stderr
  process.exitCode = 1;
}

/**
 * Two what-ifs on the sample: balanced territories, and then a hire and a departure on top of
 * that balanced plan (its baseline), kept close to it by a continuity weight.
 */
function writeScenarios(): string[] {
  mkdirSync(out, { recursive: true });
  const dataset = { accounts: 'accounts.csv', reps: 'reps.csv' };
  const strategy = { id: 'geographic', params: { tolerance: 0.05, continuityWeight: 1 } };
  const files = {
    'balanced.json': { version: 1, name: 'balanced', dataset, strategy, seed: 7 },
    'hire-denver.json': {
      version: 1,
      name: 'hire in Denver, R003 leaves',
      dataset: { ...dataset, baseline: 'balanced-plan.csv' },
      edits: [
        {
          type: 'add-rep',
          rep: { id: 'R900', name: 'New Hire', lat: 39.74, lon: -104.99, capacity: 1300 },
        },
        { type: 'remove-rep', rep: 'R003' },
      ],
      strategy: { id: 'geographic', params: { tolerance: 0.05, continuityWeight: 3 } },
      seed: 7,
    },
  };
  return Object.entries(files).map(([name, scenario]) => {
    const path = join(out, name);
    writeFileSync(path, `${JSON.stringify(scenario, null, 2)}\n`);
    return path;
  });
}
