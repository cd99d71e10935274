import { TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { parseSweep } from './sweep-schema.js';

const base = { version: 1, name: 'base', strategy: { id: 'geographic' } } as const;

const problem = (input: unknown): string => {
  try {
    parseSweep(input);
    return 'valid';
  } catch (error) {
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe('INVALID_SWEEP');
    return (error as Error).message;
  }
};

describe('parseSweep', () => {
  it('suggests the grid axis a typo meant', () => {
    expect(problem({ version: 1, scenario: base, grid: { tolerence: [0.05, 0.1] } })).toBe(
      'sweep: grid: unknown key "tolerence" (did you mean "tolerance"?)',
    );
    expect(problem({ version: 1, scenaro: base, grid: {} })).toBe(
      'sweep: unknown key "scenaro" (did you mean "scenario"?)',
    );
  });

  it('says what it got', () => {
    expect(problem({ version: 1, scenario: base, grid: { k: [0] } })).toBe(
      'sweep: grid.k[0]: must be at least 1, got 0',
    );
    expect(problem({ version: 1, scenario: base, grid: { tolerance: ['tight'] } })).toBe(
      'sweep: grid.tolerance[0]: expected a number, got "tight"',
    );
    expect(problem({ version: 1, scenario: base, grid: { k: 3 } })).toBe(
      'sweep: grid.k: expected a list, got 3',
    );
  });

  it('keeps the messages the schema words itself', () => {
    expect(problem({ version: 2, scenario: base, grid: {} })).toBe(
      'sweep: version: only sweep version 1 is known',
    );
    expect(problem({ version: 1, scenario: base, grid: { k: [] } })).toBe(
      'sweep: grid.k: lists no value',
    );
  });

  it('accepts a grid', () => {
    expect(problem({ version: 1, scenario: base, grid: { k: [3, 4], tolerance: [0.05] } })).toBe(
      'valid',
    );
  });
});
