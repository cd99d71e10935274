import { CliError } from './io.js';

/**
 * Turns repeated `--param key=value` flags into the object a plugin's schema validates.
 * Values are JSON when they parse as JSON (numbers, booleans, arrays, objects), strings
 * otherwise; dotted keys nest (`balance.workload=0.7`). The schema, not this parser, decides
 * what is valid.
 */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--param "${pair}" is not key=value`);
    const path = pair.slice(0, eq).trim().split('.');
    if (path.some((part) => part === '' || part === '__proto__' || part === 'constructor')) {
      throw new CliError(`--param "${pair}" has an invalid key`);
    }
    let target = params;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      if (
        next !== undefined &&
        (typeof next !== 'object' || next === null || Array.isArray(next))
      ) {
        throw new CliError(`--param "${pair}" conflicts with an earlier value of "${part}"`);
      }
      target = (target[part] ??= {}) as Record<string, unknown>;
    }
    target[path.at(-1)!] = parseValue(pair.slice(eq + 1));
  }
  return params;
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
