import { readFile } from 'node:fs/promises';
import { CliError } from '../io.js';

/** Reads a JSON file, naming the file in every failure. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot read "${path}" (${code})`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
