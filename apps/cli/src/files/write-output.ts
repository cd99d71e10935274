import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { CliError } from '../io.js';

/**
 * Writes a file from chunks so a million rows never sit in one string, into a temporary
 * sibling that is renamed at the end: a failed or interrupted run leaves no half-written file.
 */
export async function writeOutput(path: string, chunks: Iterable<string>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(temporary);
    for (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot write "${path}" (${code})`, { cause: error });
  }
}
