import { run } from '../main.js';

export interface TesseraResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tessera` in-process, as the tests do, and captures what it prints and its exit code. */
export function tessera(...argv: string[]): Promise<TesseraResult> {
  return tesseraIn(undefined, ...argv);
}

/** The same, as if typed in `cwd` (where the project config is looked for). */
export async function tesseraIn(
  cwd: string | undefined,
  ...argv: string[]
): Promise<TesseraResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    directory: cwd,
  });
  return { code, stdout, stderr };
}
