// A strategy's parameter JSON Schema (zod's draft 2020-12 output) as a form: what control each
// property gets. The form only draws and collects values; the scenario parser validates them.

type Json = Record<string, unknown>;

/** A control for one value of the schema. */
export type FieldSpec =
  | {
      kind: 'number';
      integer: boolean;
      min?: number | undefined;
      max?: number | undefined;
      /** Bounds the value must stay strictly inside (shown in the hint, checked by the parser). */
      exclusiveMin?: number | undefined;
      exclusiveMax?: number | undefined;
      default?: number | undefined;
    }
  | { kind: 'text'; default?: string | undefined; minLength?: number | undefined }
  /** A text box whose value goes in as a number when it reads as one (`string | number`). */
  | { kind: 'text-or-number'; default?: string | number | undefined }
  | { kind: 'enum'; options: (string | number)[]; default?: string | number | undefined }
  | { kind: 'boolean'; default?: boolean | undefined }
  | { kind: 'object'; fields: FieldEntry[]; default?: unknown }
  | { kind: 'choice'; variants: ChoiceVariant[]; default?: unknown }
  /** Anything a plain control cannot hold (lists, maps, open objects): edited as JSON. */
  | { kind: 'json'; default?: unknown; summary: string };

export interface FieldEntry {
  key: string;
  /** Words for the label, from the key: `continuityWeight` → "Continuity weight". */
  label: string;
  description?: string | undefined;
  required: boolean;
  spec: FieldSpec;
}

export interface ChoiceVariant {
  label: string;
  spec: FieldSpec;
}

/** The form of an object schema (a strategy's parameters); a non-object schema gives no fields. */
export function formFields(schema: Json): FieldEntry[] {
  const spec = fieldSpec(schema);
  return spec.kind === 'object' ? spec.fields : [];
}

/** The control for one schema node. */
export function fieldSpec(schema: Json): FieldSpec {
  const fallback = schema.default;
  const alternatives = asArray(schema.anyOf) ?? asArray(schema.oneOf);
  if (alternatives) {
    const variants = alternatives.filter(isObject).map((variant, i) => ({
      label: variantLabel(variant, i),
      spec: fieldSpec(variant),
    }));
    return { kind: 'choice', variants, default: fallback };
  }
  if (Array.isArray(schema.enum)) {
    const options = schema.enum.filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    );
    return { kind: 'enum', options, default: scalar(fallback) };
  }
  if ('const' in schema && (typeof schema.const === 'string' || typeof schema.const === 'number')) {
    return { kind: 'enum', options: [schema.const], default: schema.const };
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    const kinds = new Set(type);
    if (kinds.size === 2 && kinds.has('string') && kinds.has('number')) {
      return { kind: 'text-or-number', default: scalar(fallback) };
    }
    return json(schema);
  }
  switch (type) {
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        integer: type === 'integer',
        min: finite(schema.minimum),
        // zod writes Number.MAX_SAFE_INTEGER for "any integer": not a bound worth showing.
        max: finite(schema.maximum, Number.MAX_SAFE_INTEGER),
        exclusiveMin: finite(schema.exclusiveMinimum),
        exclusiveMax: finite(schema.exclusiveMaximum),
        default: typeof fallback === 'number' ? fallback : undefined,
      };
    case 'string':
      return {
        kind: 'text',
        default: typeof fallback === 'string' ? fallback : undefined,
        minLength: finite(schema.minLength),
      };
    case 'boolean':
      return { kind: 'boolean', default: typeof fallback === 'boolean' ? fallback : undefined };
    case 'object': {
      const properties = isObject(schema.properties) ? schema.properties : null;
      // An open map (`additionalProperties` a schema or true) has no fixed fields to draw.
      const open =
        schema.additionalProperties !== undefined && schema.additionalProperties !== false;
      if (!properties || open) return json(schema);
      const required = new Set(asArray(schema.required)?.filter((k) => typeof k === 'string'));
      const fields = Object.entries(properties)
        .filter((entry): entry is [string, Json] => isObject(entry[1]))
        .map(([key, property]) => ({
          key,
          label: labelOf(key),
          description: typeof property.description === 'string' ? property.description : undefined,
          required: required.has(key),
          spec: fieldSpec(property),
        }));
      return { kind: 'object', fields, default: fallback };
    }
    default:
      return json(schema);
  }
}

/** Which variant of a choice a value is, or -1 when none fits (the first is then shown). */
export function variantOf(variants: readonly ChoiceVariant[], value: unknown): number {
  if (value === undefined) return -1;
  return variants.findIndex((variant) => fits(variant.spec, value));
}

/** A value to start a variant with when the planner switches to it. */
export function initialValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'enum':
      return spec.default ?? spec.options[0];
    case 'object':
      return spec.default ?? {};
    case 'choice':
      return spec.default ?? (spec.variants[0] ? initialValue(spec.variants[0].spec) : undefined);
    default:
      return spec.default;
  }
}

/** The bounds of a number in words: "at least 0", "1 to 10", "above 0". */
export function rangeText(spec: Extract<FieldSpec, { kind: 'number' }>): string | null {
  const low =
    spec.min !== undefined
      ? { value: spec.min, strict: false }
      : spec.exclusiveMin !== undefined
        ? { value: spec.exclusiveMin, strict: true }
        : null;
  const high =
    spec.max !== undefined
      ? { value: spec.max, strict: false }
      : spec.exclusiveMax !== undefined
        ? { value: spec.exclusiveMax, strict: true }
        : null;
  const kind = spec.integer ? 'a whole number' : 'a number';
  if (low && high && !low.strict && !high.strict)
    return `${kind} from ${low.value} to ${high.value}`;
  const parts: string[] = [];
  if (low) parts.push(`${low.strict ? 'above' : 'at least'} ${low.value}`);
  if (high) parts.push(`${high.strict ? 'below' : 'at most'} ${high.value}`);
  return parts.length > 0 ? `${kind}, ${parts.join(' and ')}` : spec.integer ? kind : null;
}

function fits(spec: FieldSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'number':
      return typeof value === 'number';
    case 'text':
      return typeof value === 'string';
    case 'text-or-number':
      return typeof value === 'string' || typeof value === 'number';
    case 'enum':
      return spec.options.includes(value as string | number);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'choice':
      return spec.variants.some((v) => fits(v.spec, value));
    case 'json':
      return true;
  }
}

function variantLabel(variant: Json, index: number): string {
  if (typeof variant.description === 'string') return variant.description;
  if (typeof variant.title === 'string') return variant.title;
  if (Array.isArray(variant.enum)) return `One of: ${variant.enum.join(', ')}`;
  switch (variant.type) {
    case 'object':
      return isObject(variant.properties)
        ? `A mix of ${Object.keys(variant.properties).join(', ')}`
        : 'An object';
    case 'number':
    case 'integer':
      return 'A number';
    case 'string':
      return 'Text';
    case 'array':
      return 'A list';
    default:
      return `Option ${index + 1}`;
  }
}

function json(schema: Json): FieldSpec {
  const summary =
    schema.type === 'array'
      ? 'a list, written as JSON'
      : schema.type === 'object'
        ? 'an object, written as JSON'
        : 'a value, written as JSON';
  return { kind: 'json', default: schema.default, summary };
}

/** `continuityWeight` → "Continuity weight", `k` → "k", `mismatchPenaltyKm` → "Mismatch penalty km". */
export function labelOf(key: string): string {
  if (key.length <= 1) return key;
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function finite(value: unknown, ignore?: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value !== ignore
    ? value
    : undefined;
}

function scalar(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function asArray(value: unknown): unknown[] | null {
  return Array.isArray(value) ? value : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
