import type { z } from 'zod';
import { closestName } from './closest-name.js';
import { child, knownKeysAt } from './zod-schema-at.js';

type Issue = z.core.$ZodIssue;

/** What a zod issue is read against, for messages that say what was got and what was meant. */
export interface ZodIssueContext {
  /** The value that was parsed: what was given at an issue's path. */
  input?: unknown;
  /** The schema it was parsed with: the key names a typo is compared with. */
  schema?: z.core.$ZodType;
}

/** A problem found by zod, in words: where (`path`, from the parsed value's root) and what. */
export interface ZodProblem {
  path: PropertyKey[];
  message: string;
}

// zod's own English messages: anything else was written by a schema's author and is kept.
const ZOD_WORDING = /^(Invalid |Too (big|small): |Unrecognized key)/;

/**
 * The problem a failed parse should report, in plain words: usually its first issue, but a key
 * reported missing next to an unknown key that is its typo is reported as that typo
 * (`unknown key "acounts" (did you mean "accounts"?)`), and a value that fits no option of a
 * union is explained by the option it comes closest to.
 */
export function describeZodError(
  error: { readonly issues: readonly Issue[] },
  context: ZodIssueContext = {},
): ZodProblem {
  return describeIssues(error.issues, context);
}

function describeIssues(issues: readonly Issue[], context: ZodIssueContext): ZodProblem {
  let chosen = issues[0];
  if (!chosen) return { path: [], message: 'is not valid' };
  const at = valueAt(chosen, context);
  const name = chosen.path[chosen.path.length - 1];
  if (at.kind === 'absent' && typeof name === 'string') {
    const parent = chosen.path.slice(0, -1);
    const typo = issues.find(
      (issue) =>
        issue.code === 'unrecognized_keys' &&
        samePath(issue.path, parent) &&
        issue.keys.some((key) => closestName(key, [name]) !== null),
    );
    if (typo) chosen = typo;
  }
  if (chosen.code === 'invalid_union' && chosen.errors.length > 0 && !chosen.discriminator) {
    return describeUnion(chosen, context);
  }
  return { path: [...chosen.path], message: formatZodIssue(chosen, context) };
}

/** A value no option of a plain union accepts: the option with the fewest problems speaks. */
function describeUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  context: ZodIssueContext,
): ZodProblem {
  const options: Issue[][] = issue.errors.map((errors) =>
    errors.map((e) => ({ ...e, path: [...issue.path, ...e.path] })),
  );
  // Every option refusing the value's type: say every type that would do.
  const types = options.map(([only, ...others]) =>
    only?.code === 'invalid_type' && others.length === 0 && samePath(only.path, issue.path)
      ? only.expected
      : null,
  );
  if (types.every((t) => t !== null)) {
    const expected = join([...new Set(types)].map(typeNoun), 'or');
    const at = valueAt(issue, context);
    return {
      path: [...issue.path],
      message:
        at.kind === 'absent' ? `missing (expected ${expected})` : `expected ${expected}${got(at)}`,
    };
  }
  let best = options[0]!;
  for (const option of options) if (option.length < best.length) best = option;
  return describeIssues(best, context);
}

/**
 * One zod 4 issue in plain words, without its path: what was expected, what was got, and for an
 * unknown key, a missing key or a value outside a list, the closest known name
 * (`unknown key "tolerence" (did you mean "tolerance"?)`). Messages a schema's author wrote are
 * kept as they are.
 */
export function formatZodIssue(issue: Issue, context: ZodIssueContext = {}): string {
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue, context);
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  const at = valueAt(issue, context);
  switch (issue.code) {
    case 'invalid_type':
      return at.kind === 'absent'
        ? `missing (expected ${typeNoun(issue.expected)}${typoOfMissing(issue, context)})`
        : `expected ${typeNoun(issue.expected)}${got(at)}`;
    case 'invalid_value':
      return oneOf(issue.values, at);
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.discriminator) {
        return oneOf(issue.options, at);
      }
      if (issue.errors.length === 0) return 'matches more than one of the allowed forms';
      return describeUnion(issue, context).message;
    case 'too_small':
    case 'too_big':
      return outOfRange(issue, at);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}${got(at)}`;
    case 'invalid_format':
      return badFormat(issue, at);
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      return inner
        ? `has an invalid ${issue.code === 'invalid_key' ? 'key' : 'value'}: ${formatZodIssue(inner)}`
        : issue.message;
    }
    default:
      return issue.message;
  }
}

type Found = { kind: 'absent' } | { kind: 'value'; value: unknown } | { kind: 'unknown' };

/** What the parsed value holds at the issue's path. */
function valueAt(issue: Issue, context: ZodIssueContext): Found {
  if ('input' in context) {
    let value: unknown = context.input;
    for (const key of issue.path) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
        return { kind: 'absent' };
      }
      value = child(value, key);
    }
    return value === undefined ? { kind: 'absent' } : { kind: 'value', value };
  }
  // Without the input, an issue parsed with `reportInput` still carries its own value (a
  // discriminator's issue carries the object the discriminator is in).
  if (issue.code === 'invalid_union' && issue.discriminator) {
    const tag = child(issue.input, issue.discriminator);
    return tag === undefined ? { kind: 'unknown' } : { kind: 'value', value: tag };
  }
  return issue.input === undefined ? { kind: 'unknown' } : { kind: 'value', value: issue.input };
}

function unknownKeys(
  issue: Extract<Issue, { code: 'unrecognized_keys' }>,
  context: ZodIssueContext,
): string {
  const known =
    context.schema && 'input' in context
      ? knownKeysAt(context.schema, issue.path, context.input)
      : null;
  const given = objectAt(context, issue.path);
  const free = known?.filter((k) => !given || !Object.hasOwn(given, k)) ?? [];
  let suggested = false;
  const keys: string[] = [];
  for (const key of issue.keys) {
    const near = closestName(key, free);
    if (near !== null) suggested = true;
    keys.push(near === null ? `"${key}"` : `"${key}" (did you mean "${near}"?)`);
  }
  const head = `unknown key${issue.keys.length === 1 ? '' : 's'} ${keys.join(', ')}`;
  if (suggested || known === null) return head;
  if (known.length === 0) return `${head} (none are allowed here)`;
  return known.length <= 12 ? `${head} (known: ${known.join(', ')})` : head;
}

/** For a missing key: an extra key next to it that looks like its typo, when there is one. */
function typoOfMissing(issue: Issue, context: ZodIssueContext): string {
  const name = issue.path[issue.path.length - 1];
  if (typeof name !== 'string') return '';
  const parentPath = issue.path.slice(0, -1);
  const parent = objectAt(context, parentPath);
  if (!parent) return '';
  const known =
    context.schema && 'input' in context
      ? knownKeysAt(context.schema, parentPath, context.input)
      : null;
  const extra = Object.keys(parent).filter((k) => !known?.includes(k));
  const near = closestName(name, extra);
  return near === null ? '' : `; is "${near}" a typo for it?`;
}

function objectAt(context: ZodIssueContext, path: readonly PropertyKey[]): object | null {
  if (!('input' in context)) return null;
  let value: unknown = context.input;
  for (const key of path) value = child(value, key);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function oneOf(values: readonly unknown[], at: Found): string {
  const shown = values.map(show);
  const expected = shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
  if (at.kind === 'absent') return `missing (expected ${expected})`;
  const given = at.kind === 'value' && typeof at.value === 'string' ? at.value : null;
  const names = values.filter((v): v is string => typeof v === 'string');
  const near = given === null ? null : closestName(given, names);
  return `expected ${expected}${got(at)}${near === null ? '' : ` (did you mean "${near}"?)`}`;
}

function outOfRange(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, at: Found): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive !== false;
  const origin = issue.origin;
  if (origin === 'string' || origin === 'array' || origin === 'set' || origin === 'file') {
    const unit = origin === 'string' ? 'character' : origin === 'file' ? 'byte' : 'item';
    if (small && Number(limit) === 1 && inclusive) return 'must not be empty';
    const size = sizeOf(at);
    const bound = `${issue.exact ? 'exactly' : small ? 'at least' : 'at most'} ${limit} ${unit}${Number(limit) === 1 ? '' : 's'}`;
    return `must have ${bound}${size === null ? '' : `, got ${size}`}`;
  }
  const bound = issue.exact
    ? `exactly ${limit}`
    : small
      ? `${inclusive ? 'at least' : 'more than'} ${limit}`
      : `${inclusive ? 'at most' : 'less than'} ${limit}`;
  return `must be ${bound}${got(at)}`;
}

function sizeOf(at: Found): number | null {
  if (at.kind !== 'value') return null;
  const { value } = at;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return value instanceof Set ? value.size : null;
}

function badFormat(issue: Extract<Issue, { code: 'invalid_format' }>, at: Found): string {
  const rule = issue.message.replace(/^Invalid string: /, '');
  if (rule !== issue.message) return `${rule}${got(at)}`; // must start with "x", must match pattern …
  return `is not a valid ${issue.format}${got(at)}`;
}

function got(at: Found): string {
  return at.kind === 'value' ? `, got ${show(at.value)}` : '';
}

/** A value as a person would recognise it in their file. */
function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  bigint: 'a whole number',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'a map',
  set: 'a set',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  nan: 'NaN',
};

function typeNoun(expected: string): string {
  return TYPE_NOUNS[expected] ?? expected;
}

function join(items: readonly string[], word: string): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]!}`;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
