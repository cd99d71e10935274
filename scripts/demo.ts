// The quick-start demo: generate sample data, solve it with the `nearest` strategy and print
// the metrics table, through the real `tessera` command (built by `pnpm demo` first).
import { execFileSync } from 'node:child_process';
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

try {
  tessera('generate', '--accounts', '10000', '--reps', '50', '--seed', '7', '--out', out);
  tessera('solve', '--accounts', accounts, '--reps', reps, '--strategy', 'nearest', '--out', plan);
  tessera('metrics', '--accounts', accounts, '--reps', reps, '--plan', plan, '--format', 'table');
} catch {
  // tessera has already said what went wrong on stderr
  process.exitCode = 1;
}
