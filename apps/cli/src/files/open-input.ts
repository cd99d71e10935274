import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CliError } from '../io.js';

/** A file as a stream of byte chunks, after checking it exists and is a file. */
export async function openInput(path: string, what: string): Promise<AsyncIterable<Uint8Array>> {
  const info = await stat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${what} file "${path}" does not exist`
        : `cannot read ${what} file "${path}" (${code ?? 'unknown error'})`,
    );
  });
  if (!info.isFile()) throw new CliError(`${what} file "${path}" is not a file`);
  return createReadStream(path, { highWaterMark: 1 << 20 });
}
