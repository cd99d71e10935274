import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI_BIN = fileURLToPath(new URL('../../../cli/src/bin.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));

/** A Tessera process a test started from the sources, with what it wrote to stderr by line. */
export class TesseraProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  #partial = '';

  constructor(
    script: string,
    args: readonly string[],
    options: { env: NodeJS.ProcessEnv; cwd: string },
  ) {
    this.child = spawn(
      process.execPath,
      ['--conditions=@tessera/source', '--import', import.meta.resolve('tsx'), script, ...args],
      { cwd: options.cwd, env: defined(options.env), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      const parts = (this.#partial + chunk).split('\n');
      this.#partial = parts.pop()!;
      for (const line of parts) this.#line(line);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        if (this.#partial) this.#line(this.#partial);
        resolve({ code, signal });
      });
    });
  }

  /** The first line (already written or still to come) matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray> {
    for (const line of this.lines) {
      const match = line.match(pattern);
      if (match) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      this.#waiters.push({ pattern, resolve });
      void this.exited.then(({ code, signal }) => {
        reject(
          new Error(
            `the process exited (${signal ?? `code ${code}`}) before writing a line like ${pattern}; it wrote:\n${this.lines.join('\n')}`,
          ),
        );
      });
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  #line(line: string): void {
    this.lines.push(line);
    for (const waiter of [...this.#waiters]) {
      const match = line.match(waiter.pattern);
      if (match) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  }
}

/** `pnpm start`'s server from the sources; resolves once it listens, with its URL. */
export async function startServerProcess(options: {
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<{ process: TesseraProcess; url: string }> {
  const server = new TesseraProcess(SERVER, [], {
    cwd: options.cwd,
    env: { ...process.env, PORT: '0', ...options.env },
  });
  const [, url] = await server.waitForLine(/listening on (http:\/\/\S+)/);
  return { process: server, url: url! };
}

/** `tessera worker …` from the sources; resolves once it takes jobs. */
export async function startWorkerProcess(options: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  args?: readonly string[];
}): Promise<TesseraProcess> {
  const worker = new TesseraProcess(CLI_BIN, ['worker', ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  await worker.waitForLine(/taking jobs on/);
  return worker;
}

/** The variables that have a value: `{ DATABASE_URL: undefined }` unsets it for the child. */
function defined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
