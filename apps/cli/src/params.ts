import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './io.js';

/** The `--param` key that names a JSON file of parameters instead of setting one. */
export const PARAMS_FILE_KEY = 'file';

/**
 * Turns repeated `--param key=value` flags into the object a plugin's schema validates.
 * Values are JSON when they parse as JSON (numbers, booleans, arrays, objects), strings
 * otherwise; dotted keys nest (`balance.workload=0.7`) and a number steps into an array
 * (`stages.1.params.minShare=0.1`). Flags apply on top of `base` (e.g. a parameters file),
 * which is not modified. The schema, not this parser, decides what is valid.
 */
export function parseParams(
  pairs: readonly string[],
  base: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const params = structuredClone(base) as Record<string, unknown>;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--param "${pair}" is not key=value`);
    const path = pair.slice(0, eq).trim().split('.');
    if (path.some((part) => part === '' || part === '__proto__' || part === 'constructor')) {
      throw new CliError(`--param "${pair}" has an invalid key`);
    }
    let target: Record<string, unknown> | unknown[] = params;
    for (const part of path.slice(0, -1)) {
      const next: unknown = Array.isArray(target)
        ? target[arrayIndex(target, part, pair)]
        : target[part];
      if (next !== undefined && (typeof next !== 'object' || next === null)) {
        throw new CliError(`--param "${pair}" conflicts with an earlier value of "${part}"`);
      }
      const child = (next ?? {}) as Record<string, unknown> | unknown[];
      if (Array.isArray(target)) target[arrayIndex(target, part, pair)] = child;
      else target[part] = child;
      target = child;
    }
    const last = path.at(-1)!;
    const value = parseValue(pair.slice(eq + 1));
    if (Array.isArray(target)) target[arrayIndex(target, last, pair)] = value;
    else target[last] = value;
  }
  return params;
}

/**
 * The parameters of `--param` flags, reading `--param file=<path>` first: a JSON object of
 * parameters (a path relative to `cwd`), on top of which the other flags set or override keys.
 * A missing, unreadable or invalid file is one CliError naming the file.
 */
export async function resolveParams(
  pairs: readonly string[],
  cwd: string = process.cwd(),
): Promise<Record<string, unknown>> {
  const files = pairs.filter((pair) => pair.startsWith(`${PARAMS_FILE_KEY}=`));
  if (files.length > 1) {
    throw new CliError(`--param ${PARAMS_FILE_KEY}=… is given ${files.length} times; give one`);
  }
  const rest = pairs.filter((pair) => !pair.startsWith(`${PARAMS_FILE_KEY}=`));
  if (files.length === 0) return parseParams(rest);
  const path = files[0]!.slice(PARAMS_FILE_KEY.length + 1).trim();
  if (path === '') throw new CliError(`--param ${PARAMS_FILE_KEY}= needs a path to a JSON file`);
  return parseParams(rest, await readParamsFile(path, cwd));
}

async function readParamsFile(path: string, cwd: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `parameters file "${path}" does not exist`
        : `cannot read parameters file "${path}" (${code ?? 'unknown error'})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : 'unreadable';
    throw new CliError(`parameters file "${path}" is not valid JSON: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`parameters file "${path}" must hold a JSON object of parameters`);
  }
  return value as Record<string, unknown>;
}

function arrayIndex(array: unknown[], part: string, pair: string): number {
  const index = /^\d+$/.test(part) ? Number(part) : -1;
  if (index < 0 || index > array.length) {
    throw new CliError(
      `--param "${pair}": "${part}" is not an index of the list (0..${array.length})`,
    );
  }
  return index;
}

function parseValue(raw: string): unknown {
  const text = raw.trim();
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Collects a repeatable option's values (commander's argParser). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
