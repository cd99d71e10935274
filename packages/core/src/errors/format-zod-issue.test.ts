import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError, formatZodIssue, type ZodProblem } from './format-zod-issue.js';

/** The problem a parse of `input` reports, read with both the input and the schema. */
function problem(schema: z.ZodType, input: unknown): ZodProblem {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the parse to fail');
  return describeZodError(parsed.error, { input, schema });
}

const selection = z.union([
  z.object({ ids: z.array(z.string()).min(1, 'lists no account') }).strict(),
  z.object({ filter: z.string() }).strict(),
]);
const edits = z.array(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('reassign'), accounts: selection, to: z.string() }).strict(),
    z.object({ type: z.literal('lock'), accounts: selection }).strict(),
    z
      .object({
        type: z.literal('scale'),
        measure: z.enum(['potential', 'workload']),
        factor: z.number().min(0),
      })
      .strict(),
  ]),
);

describe('describeZodError', () => {
  it('names an unknown key with the known key it most likely meant', () => {
    const params = z.object({ tolerance: z.number().default(0), seed: z.number().optional() });
    expect(problem(params.strict(), { tolerence: 0.1 })).toEqual({
      path: [],
      message: 'unknown key "tolerence" (did you mean "tolerance"?)',
    });
    expect(problem(params.strict(), { k: 3 }).message).toBe(
      'unknown key "k" (known: tolerance, seed)',
    );
    expect(problem(z.object({}).strict(), { k: 3 }).message).toBe(
      'unknown key "k" (none are allowed here)',
    );
  });

  it('reports a missing key as the typo next to it, inside a discriminated union', () => {
    expect(problem(edits, [{ type: 'reassign', acounts: { ids: ['a1'] }, to: 'r1' }])).toEqual({
      path: [0],
      message: 'unknown key "acounts" (did you mean "accounts"?)',
    });
    expect(problem(edits, [{ type: 'lock', accounts: { idz: ['a1'] } }])).toEqual({
      path: [0, 'accounts'],
      message: 'unknown key "idz" (did you mean "ids"?)',
    });
    expect(problem(edits, [{ type: 'lock' }])).toEqual({
      path: [0, 'accounts'],
      message: 'missing (expected an object)',
    });
  });

  it('says which discriminator and enum values exist, and the closest one', () => {
    expect(problem(edits, [{ type: 'reasign', accounts: { ids: ['a1'] }, to: 'r1' }])).toEqual({
      path: [0, 'type'],
      message:
        'expected one of "reassign", "lock", "scale", got "reasign" (did you mean "reassign"?)',
    });
    expect(problem(edits, [{ type: 'scale', measure: 'worklaod', factor: 2 }])).toEqual({
      path: [0, 'measure'],
      message: 'expected one of "potential", "workload", got "worklaod" (did you mean "workload"?)',
    });
  });

  it('says what was expected and what was got', () => {
    const message = (schema: z.ZodType, input: unknown) => problem(schema, input).message;
    expect(message(z.object({ factor: z.number() }), { factor: '2' })).toBe(
      'expected a number, got "2"',
    );
    expect(message(z.object({ to: z.string() }), {})).toBe('missing (expected a string)');
    expect(message(z.object({ tolerance: z.number() }), { tolerence: 1 })).toBe(
      'missing (expected a number; is "tolerence" a typo for it?)',
    );
    expect(message(z.number().int(), 2.5)).toBe('expected a whole number, got 2.5');
    expect(message(z.union([z.string(), z.number()]), true)).toBe(
      'expected a string or a number, got true',
    );
    expect(message(z.number().min(0), -2)).toBe('must be at least 0, got -2');
    expect(message(z.number().positive(), 0)).toBe('must be more than 0, got 0');
    expect(message(z.number().max(1), 1.5)).toBe('must be at most 1, got 1.5');
    expect(message(z.array(z.number()).min(1), [])).toBe('must not be empty');
    expect(message(z.array(z.number()).max(2), [1, 2, 3])).toBe('must have at most 2 items, got 3');
    expect(message(z.string().max(3), 'abcde')).toBe('must have at most 3 characters, got 5');
    expect(message(z.string().regex(/^[a-z]+$/), 'A')).toBe(
      'must match pattern /^[a-z]+$/, got "A"',
    );
    expect(message(z.literal(1), 2)).toBe('expected 1, got 2');
  });

  it("keeps a message the schema's author wrote", () => {
    expect(problem(edits, [{ type: 'lock', accounts: { ids: [] } }])).toEqual({
      path: [0, 'accounts', 'ids'],
      message: 'lists no account',
    });
  });
});

describe('formatZodIssue', () => {
  it('reads the value off an issue parsed with reportInput when no input is given', () => {
    const parsed = z.object({ n: z.number() }).safeParse({ n: 'x' }, { reportInput: true });
    expect(formatZodIssue(parsed.error!.issues[0]!)).toBe('expected a number, got "x"');
  });
});
