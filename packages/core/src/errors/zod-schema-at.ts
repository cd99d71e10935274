import type { z } from 'zod';

type Schema = z.core.$ZodType;

/** The parts of a zod 4 schema definition the walk below reads; each kind has a few of them. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  element?: Schema;
  valueType?: Schema;
  items?: readonly Schema[];
  rest?: Schema | null;
  options?: readonly Schema[];
  discriminator?: string;
  left?: Schema;
  right?: Schema;
  values?: readonly unknown[];
}

function defOf(schema: Schema): Def {
  return schema._zod.def;
}

/**
 * The key names the object schema(s) at `path` know, or null when no object schema is found
 * there. `input` (the parsed value) picks the option of a discriminated union; the options of
 * a plain union all count.
 */
export function knownKeysAt(
  schema: Schema,
  path: readonly PropertyKey[],
  input: unknown,
): string[] | null {
  const keys = new Set<string>();
  let found = false;
  for (const node of schemasAt(schema, path, input)) {
    const shape = defOf(node).shape;
    if (defOf(node).type === 'object' && shape) {
      found = true;
      for (const key of Object.keys(shape)) keys.add(key);
    }
  }
  return found ? [...keys] : null;
}

/** The schemas that may apply at `path`, wrappers (optional, default, pipe …) taken off. */
export function schemasAt(schema: Schema, path: readonly PropertyKey[], input: unknown): Schema[] {
  let nodes = unwrap(schema, input);
  let value = input;
  for (const key of path) {
    value = child(value, key);
    const next: Schema[] = [];
    for (const node of nodes) {
      for (const inner of childSchemas(node, key)) next.push(...unwrap(inner, value));
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** The schema(s) a value of `schema` meets once wrappers and unions are resolved. */
function unwrap(schema: Schema, value: unknown, depth = 0): Schema[] {
  if (depth > 32) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType ? unwrap(def.innerType, value, depth + 1) : [];
    case 'pipe':
      return def.in ? unwrap(def.in, value, depth + 1) : [];
    case 'lazy':
      return def.getter ? unwrap(def.getter(), value, depth + 1) : [];
    case 'intersection':
      return [def.left, def.right].flatMap((s) => (s ? unwrap(s, value, depth + 1) : []));
    case 'union': {
      const options = def.options ?? [];
      const chosen = def.discriminator ? pickOption(options, def.discriminator, value) : options;
      return chosen.flatMap((s) => unwrap(s, value, depth + 1));
    }
    default:
      return [schema];
  }
}

/** The discriminated union's option whose discriminator literal matches the value, else all. */
function pickOption(options: readonly Schema[], discriminator: string, value: unknown): Schema[] {
  const tag = child(value, discriminator);
  const match = options.filter((option) =>
    unwrap(option, value).some((node) => {
      const literal = defOf(node).shape?.[discriminator];
      return literal !== undefined && (defOf(literal).values ?? []).includes(tag);
    }),
  );
  return match.length > 0 ? match : [...options];
}

function childSchemas(node: Schema, key: PropertyKey): Schema[] {
  const def = defOf(node);
  switch (def.type) {
    case 'object': {
      const field = typeof key === 'string' ? def.shape?.[key] : undefined;
      return field ? [field] : [];
    }
    case 'array':
      return def.element ? [def.element] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    case 'tuple': {
      const item = typeof key === 'number' ? def.items?.[key] : undefined;
      return item ? [item] : def.rest ? [def.rest] : [];
    }
    default:
      return [];
  }
}

/** The value under `key`, or undefined when there is none. */
export function child(value: unknown, key: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Object.hasOwn(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}
