// svelte-check for the planner, reporting the planner's own files only.
//
// The app imports the API's router *type* (AppRouter), so the API's sources join this program
// and are checked again here, under the browser's libraries (DOM) instead of Node's, where
// Node-only globals differ (DOM's ReadableStream has no `from`). Those files are type-checked by
// the API's own typecheck with the libraries they run on; here they would only be noise.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

interface Diagnostic {
  type: 'ERROR' | 'WARNING';
  filename: string;
  start: { line: number; character: number };
  message: string;
  code?: number | string;
}

const bin = createRequire(import.meta.url).resolve('svelte-check/bin/svelte-check');
const run = spawnSync(
  process.execPath,
  [bin, '--tsconfig', './tsconfig.json', '--output', 'machine-verbose'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (run.error) throw run.error;

const ours: Diagnostic[] = [];
let elsewhere = 0;
let completed = false;
for (const line of run.stdout.split('\n')) {
  const json = line.indexOf(' {');
  if (json > 0) {
    const diagnostic = JSON.parse(line.slice(json + 1)) as Diagnostic;
    if (diagnostic.filename.startsWith('../')) elsewhere++;
    else ours.push(diagnostic);
  } else if (/ COMPLETED /.test(line)) {
    completed = true;
  }
}
if (!completed) {
  process.stderr.write(run.stdout + run.stderr);
  process.stderr.write('svelte-check did not finish\n');
  process.exit(1);
}
for (const d of ours) {
  const where = `${d.filename}:${d.start.line + 1}:${d.start.character + 1}`;
  console.log(`${where} ${d.type.toLowerCase()}${d.code ? ` (${d.code})` : ''}: ${d.message}`);
}
const skipped = elsewhere
  ? ` (${elsewhere} in other packages' sources left to their own checks)`
  : '';
console.log(`svelte-check: ${ours.length} problem(s) in apps/web${skipped}`);
process.exit(ours.length > 0 ? 1 : 0);
