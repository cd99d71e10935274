import { headerError } from './import-error.js';

/**
 * The columns each CSV file knows, by canonical name, with the other headers accepted for them.
 * Headers are matched after trimming, lower-casing and turning runs of spaces and hyphens into
 * `_`, so `Postal Code`, `postal-code` and ` POSTAL_CODE ` all mean `postal_code`.
 *
 * When a file has both the canonical header and an alias (say `region` and `state`), the
 * canonical one is read and the alias column is kept as an attribute; between two aliases the
 * one further left wins. Documented in packages/core/README.md ("CSV contract").
 */
export const ACCOUNT_COLUMNS = {
  id: ['account_id', 'accountid'],
  name: ['account_name', 'company', 'company_name'],
  lat: ['latitude'],
  lon: ['lng', 'long', 'longitude'],
  postal_code: ['zip', 'zipcode', 'zip_code', 'postcode', 'post_code', 'postalcode'],
  region: ['state', 'province'],
  country: ['country_code'],
  industry: ['sector', 'vertical'],
  employees: ['employee_count', 'num_employees', 'headcount'],
  annual_revenue: ['annualrevenue', 'company_revenue'],
  potential: ['potential_revenue'],
  revenue: ['current_revenue'],
  workload: ['effort'],
  owner: ['owner_id', 'rep', 'rep_id', 'account_owner'],
  locked: ['lock', 'is_locked'],
  skills_required: ['required_skills', 'skills'],
} as const satisfies ColumnAliases;

export const REP_COLUMNS = {
  id: ['rep_id', 'repid'],
  name: ['rep_name', 'full_name'],
  lat: ['latitude'],
  lon: ['lng', 'long', 'longitude'],
  capacity: ['max_workload'],
  skills: ['skill', 'tags'],
  level: ['seniority', 'rep_level'],
} as const satisfies ColumnAliases;

export const PLAN_COLUMNS = {
  account_id: ['account', 'id'],
  territory_id: ['territory'],
  rep_id: ['rep', 'owner'],
} as const satisfies ColumnAliases;

export type ColumnAliases = Readonly<Record<string, readonly string[]>>;

/** Where each known column sits in a file's header (-1 when absent), and what is left over. */
export interface ResolvedHeader<K extends string> {
  index: Record<K, number>;
  /** Each column's header as written in the file (the canonical name when absent): for issues. */
  label: Record<K, string>;
  /** Columns the contract does not name, in file order: kept as attributes. */
  extras: { index: number; name: string }[];
  /** Number of fields in the header row; a record with more is rejected. */
  width: number;
}

export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Maps a header row onto the known columns. Throws a {@link CsvImportError} (line 1) when a
 * header repeats or a required column is missing; blank headers are ignored with their column.
 */
export function resolveHeader<K extends string>(
  header: readonly string[],
  columns: Readonly<Record<K, readonly string[]>>,
  required: readonly NoInfer<K>[],
): ResolvedHeader<K> {
  const keys = Object.keys(columns) as K[];
  const aliasOf = new Map<string, K>();
  for (const key of keys) for (const alias of columns[key]) aliasOf.set(alias, key);

  const index = Object.fromEntries(keys.map((k) => [k, -1])) as Record<K, number>;
  const label = Object.fromEntries(keys.map((k): [K, string] => [k, k])) as Record<K, string>;
  const exact = new Set<K>();
  const seen = new Map<string, number>();
  const leftover: number[] = [];
  const names = header.map((h) => h.trim());

  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === '') continue;
    const normal = normalizeHeader(name);
    const before = seen.get(normal);
    if (before !== undefined) {
      throw headerError(
        name,
        `column "${name}" appears twice (columns ${before + 1} and ${i + 1})`,
      );
    }
    seen.set(normal, i);
    if (Object.hasOwn(columns, normal)) {
      const key = normal as K;
      if (index[key] >= 0) leftover.push(index[key]);
      index[key] = i;
      label[key] = name;
      exact.add(key);
      continue;
    }
    const key = aliasOf.get(normal);
    if (key !== undefined && !exact.has(key) && index[key] < 0) {
      index[key] = i;
      label[key] = name;
    } else {
      leftover.push(i);
    }
  }

  for (const key of required) {
    if (index[key] < 0) {
      const found = names.filter((n) => n !== '').join(', ') || 'none';
      throw headerError(key, `there is no "${key}" column (columns found: ${found})`);
    }
  }
  leftover.sort((a, b) => a - b);
  return {
    index,
    label,
    extras: leftover.map((i) => ({ index: i, name: names[i]! })),
    width: header.length,
  };
}

/** A file with a latitude column must have a longitude column, and the reverse. */
export function requireCoordinatePair(header: ResolvedHeader<'lat' | 'lon'>): void {
  if (header.index.lat < 0 === header.index.lon < 0) return;
  const [has, lacks] = header.index.lat < 0 ? (['lon', 'lat'] as const) : (['lat', 'lon'] as const);
  throw headerError(
    header.label[has],
    `there is a "${header.label[has]}" column but no "${lacks}" column`,
  );
}
