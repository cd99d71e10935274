import { InvalidArgumentError, Option } from 'commander';

/** commander argParser for a positive integer option. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Seeds stay strings when they are not integers, so `--seed spring-2027` is reproducible too. */
export function seedValue(value: string): string | number {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

export type Format = 'json' | 'table';

/** `--format table|json`: every command takes it, each with the default that suits it. */
export function formatOption(defaultFormat: Format): Option {
  return new Option('--format <format>', 'what stdout carries: table or json')
    .argParser(formatValue)
    .default(defaultFormat);
}

export function formatValue(value: string): Format {
  if (value !== 'json' && value !== 'table')
    throw new InvalidArgumentError('expected "json" or "table"');
  return value;
}

/** commander argParser for `--simulate [draws]`: bare means the default number of draws. */
export function drawsValue(value: string): number {
  return positiveInteger(value);
}
