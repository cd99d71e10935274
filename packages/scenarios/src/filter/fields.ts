import { DEFAULT_TIERS } from '@tessera/plugins';
import type { FilterFieldName } from './filter-ast.js';

/**
 * How a field is compared: `text` with =, !=, in and `is null` on strings; `number` with all
 * six comparisons on numbers; `boolean` with = and != on true/false; `tier` with =, != and in
 * on tier ids; `tags` only with `has`.
 */
export type FilterFieldType = 'text' | 'number' | 'boolean' | 'tags' | 'tier';

export interface FilterFieldInfo {
  readonly name: FilterFieldName;
  readonly type: FilterFieldType;
  readonly description: string;
}

/** The tier ids `size` takes: those of the size strategy's default tiers, largest first. */
export const SIZE_TIER_IDS: readonly string[] = DEFAULT_TIERS.map((tier) => tier.id);

/** Every built-in field a filter can name; extra CSV columns are `attr.<name>` (text). */
export const FILTER_FIELDS: readonly FilterFieldInfo[] = [
  { name: 'id', type: 'text', description: 'account id' },
  { name: 'name', type: 'text', description: 'account name (empty counts as missing)' },
  { name: 'postal_code', type: 'text', description: 'postal code' },
  { name: 'region', type: 'text', description: 'region' },
  { name: 'country', type: 'text', description: 'country' },
  { name: 'industry', type: 'text', description: 'industry' },
  { name: 'owner', type: 'text', description: "current owner's rep id" },
  { name: 'employees', type: 'number', description: 'number of employees' },
  { name: 'annual_revenue', type: 'number', description: "the company's annual revenue" },
  { name: 'potential', type: 'number', description: 'sales potential' },
  { name: 'revenue', type: 'number', description: 'revenue booked with us' },
  { name: 'workload', type: 'number', description: 'workload units' },
  { name: 'lat', type: 'number', description: 'latitude, WGS84 degrees' },
  { name: 'lon', type: 'number', description: 'longitude, WGS84 degrees' },
  { name: 'locked', type: 'boolean', description: 'the account must stay with its owner' },
  {
    name: 'size',
    type: 'tier',
    description: `size tier: the first of ${SIZE_TIER_IDS.join(', ')} the account qualifies for (the size strategy's default tiers)`,
  },
  {
    name: 'skills',
    type: 'tags',
    description: 'skills the account needs (its listed skills, else industry:<industry>)',
  },
];

const byName = new Map<string, FilterFieldInfo>(FILTER_FIELDS.map((field) => [field.name, field]));

/** A catalogue field by its (lower-case) name. */
export function filterField(name: string): FilterFieldInfo | undefined {
  return byName.get(name);
}

/** The prefix of an attribute field: `attr.segment`. */
export const ATTRIBUTE_PREFIX = 'attr.';
