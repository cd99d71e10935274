import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CliError } from '../io.js';

/**
 * A file as a stream of byte chunks, after checking it exists and is a file. `onFraction`
 * hears how much of the file has been read, for a progress bar.
 */
export async function openInput(
  path: string,
  what: string,
  onFraction?: (fraction: number) => void,
): Promise<AsyncIterable<Uint8Array>> {
  const info = await stat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${what} file "${path}" does not exist`
        : `cannot read ${what} file "${path}" (${code ?? 'unknown error'})`,
    );
  });
  if (!info.isFile()) throw new CliError(`${what} file "${path}" is not a file`);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!onFraction || info.size === 0) return stream;
  return counted(stream, info.size, onFraction);
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  size: number,
  onFraction: (fraction: number) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.byteLength;
    onFraction(read / size);
    yield chunk;
  }
}
