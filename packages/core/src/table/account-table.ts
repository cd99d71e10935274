import { TesseraError } from '../errors/tessera-error.js';
import {
  CategoryColumn,
  CategoryColumnBuilder,
  type CategoryColumnData,
} from './category-column.js';
import { StringColumn, StringColumnBuilder, type StringColumnData } from './string-column.js';
import { TagColumn, TagColumnBuilder, type TagColumnData } from './tag-column.js';
import {
  AttributeColumnsBuilder,
  attributesFromData,
  attributesOfRow,
  attributesToData,
  type AttributeColumns,
} from './attribute-columns.js';
import { hashSpan, SpanTable, type TextSpan } from './span-table.js';
import { buildIdIndex, collectBuffers } from './table-support.js';

/** One account as written by a program (the CSV importer, the generator, a test). */
export interface AccountInput {
  id: string;
  name?: string | null;
  /** WGS84 degrees. */
  lat?: number | null;
  lon?: number | null;
  postalCode?: string | null;
  region?: string | null;
  country?: string | null;
  industry?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  potential?: number | null;
  revenue?: number | null;
  workload?: number | null;
  /** Rep id of the current owner: the baseline for continuity. */
  owner?: string | null;
  locked?: boolean | null;
  /** Skills a rep needs to serve this account, e.g. `industry:healthcare`. */
  skillsRequired?: readonly string[] | null;
  /** Columns the contract does not name, kept as they came. */
  attributes?: Readonly<Record<string, string>> | null;
}

/**
 * One account whose text cells are slices of the importer's input ({@link TextSpan}s): the
 * builder copies their characters without a string being made per cell. Refilled per row.
 */
export interface AccountSpanInput {
  id: TextSpan;
  name: TextSpan;
  lat: number;
  lon: number;
  postalCode: TextSpan;
  region: TextSpan;
  country: TextSpan;
  industry: TextSpan;
  employees: number;
  annualRevenue: number;
  potential: number;
  revenue: number;
  workload: number;
  owner: TextSpan;
  locked: boolean;
  skillsRequired: readonly string[];
  attributes: Readonly<Record<string, string>> | null;
}

/** One account read back from a table: missing values are `null`. */
export interface AccountRow {
  index: number;
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  potential: number | null;
  revenue: number | null;
  workload: number | null;
  owner: string | null;
  locked: boolean;
  skillsRequired: string[];
  attributes: Record<string, string>;
}

/** The numeric columns of an account table, each a Float64Array with NaN for missing. */
export const ACCOUNT_MEASURES = [
  'lat',
  'lon',
  'employees',
  'annualRevenue',
  'potential',
  'revenue',
  'workload',
] as const;
export type AccountMeasure = (typeof ACCOUNT_MEASURES)[number];

/** The dictionary-encoded columns of an account table. */
export const ACCOUNT_CATEGORIES = ['postalCode', 'region', 'country', 'industry', 'owner'] as const;
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];

/** Everything an {@link AccountTable} holds, as plain typed arrays: what crosses to a worker. */
export interface AccountTableData {
  kind: 'accounts';
  id: StringColumnData;
  name: StringColumnData;
  measures: Record<AccountMeasure, Float64Array>;
  categories: Record<AccountCategory, CategoryColumnData>;
  locked: Uint8Array;
  skillsRequired: TagColumnData;
  attributes: [string, CategoryColumnData][];
}

/**
 * Accounts stored column by column: one Float64Array per measure (NaN = missing),
 * dictionary-encoded categories, packed ids and names. A million rows take well under
 * 200 MB and move to a worker without a copy (see {@link AccountTable.transferables}).
 */
export class AccountTable {
  readonly length: number;
  readonly id: StringColumn;
  readonly name: StringColumn;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly employees: Float64Array;
  readonly annualRevenue: Float64Array;
  readonly potential: Float64Array;
  readonly revenue: Float64Array;
  readonly workload: Float64Array;
  readonly postalCode: CategoryColumn;
  readonly region: CategoryColumn;
  readonly country: CategoryColumn;
  readonly industry: CategoryColumn;
  /** Current owner's rep id: the baseline every continuity figure is measured against. */
  readonly owner: CategoryColumn;
  /** 1 where the account must stay with its owner. */
  readonly locked: Uint8Array;
  readonly skillsRequired: TagColumn;
  /** Extra columns by their CSV header, in file order. */
  readonly attributes: AttributeColumns;
  #index: Map<string, number> | undefined;

  constructor(data: AccountTableData) {
    this.id = new StringColumn(data.id);
    this.name = new StringColumn(data.name);
    this.length = this.id.length;
    this.lat = data.measures.lat;
    this.lon = data.measures.lon;
    this.employees = data.measures.employees;
    this.annualRevenue = data.measures.annualRevenue;
    this.potential = data.measures.potential;
    this.revenue = data.measures.revenue;
    this.workload = data.measures.workload;
    this.postalCode = new CategoryColumn(data.categories.postalCode);
    this.region = new CategoryColumn(data.categories.region);
    this.country = new CategoryColumn(data.categories.country);
    this.industry = new CategoryColumn(data.categories.industry);
    this.owner = new CategoryColumn(data.categories.owner);
    this.locked = data.locked;
    this.skillsRequired = new TagColumn(data.skillsRequired);
    this.attributes = attributesFromData(data.attributes);
    checkLengths(this);
  }

  /** Builds a table from rows; throws on a duplicate id. */
  static fromRows(rows: Iterable<AccountInput>, expectedRows?: number): AccountTable {
    const builder = new AccountTableBuilder(expectedRows);
    for (const row of rows) builder.push(row);
    return builder.finish();
  }

  /** The row index of an account id, or -1. */
  indexOf(id: string): number {
    this.#index ??= buildIdIndex(this.id, 'account');
    return this.#index.get(id) ?? -1;
  }

  /** A measure column by name. */
  measure(name: AccountMeasure): Float64Array {
    return this[name];
  }

  /** Row i as a plain object (allocates: use the columns for scans). */
  row(i: number): AccountRow {
    const num = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      index: i,
      id: this.id.get(i),
      name: this.name.get(i),
      lat: num(this.lat[i]!),
      lon: num(this.lon[i]!),
      postalCode: this.postalCode.get(i),
      region: this.region.get(i),
      country: this.country.get(i),
      industry: this.industry.get(i),
      employees: num(this.employees[i]!),
      annualRevenue: num(this.annualRevenue[i]!),
      potential: num(this.potential[i]!),
      revenue: num(this.revenue[i]!),
      workload: num(this.workload[i]!),
      owner: this.owner.get(i),
      locked: this.locked[i] === 1,
      skillsRequired: this.skillsRequired.get(i),
      attributes: attributesOfRow(this.attributes, i),
    };
  }

  *rows(): IterableIterator<AccountRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  /** The table as plain typed arrays, e.g. to post to a worker with {@link transferables}. */
  toData(): AccountTableData {
    return {
      kind: 'accounts',
      id: this.id.data(),
      name: this.name.data(),
      measures: {
        lat: this.lat,
        lon: this.lon,
        employees: this.employees,
        annualRevenue: this.annualRevenue,
        potential: this.potential,
        revenue: this.revenue,
        workload: this.workload,
      },
      categories: {
        postalCode: this.postalCode.data(),
        region: this.region.data(),
        country: this.country.data(),
        industry: this.industry.data(),
        owner: this.owner.data(),
      },
      locked: this.locked,
      skillsRequired: this.skillsRequired.data(),
      attributes: attributesToData(this.attributes),
    };
  }

  static fromData(data: AccountTableData): AccountTable {
    return new AccountTable(data);
  }

  /**
   * Every ArrayBuffer behind the table, for `postMessage(data, transferables)` or comlink's
   * `transfer()`: the table moves to the worker and is detached here.
   */
  transferables(): ArrayBuffer[] {
    return collectBuffers(this.toData());
  }
}

function checkLengths(table: AccountTable): void {
  const n = table.length;
  const columns: [string, { length: number }][] = [
    ['name', table.name],
    ...ACCOUNT_MEASURES.map((m): [string, { length: number }] => [m, table[m]]),
    ...ACCOUNT_CATEGORIES.map((c): [string, { length: number }] => [c, table[c]]),
    ['locked', table.locked],
    ['skillsRequired', table.skillsRequired],
    ...[...table.attributes].map(([k, c]): [string, { length: number }] => [`attribute ${k}`, c]),
  ];
  for (const [name, column] of columns) {
    if (column.length !== n) {
      throw new TesseraError(
        'TABLE_SHAPE',
        `account table column "${name}" has ${column.length} rows, expected ${n}`,
      );
    }
  }
}

const NO_TAGS: readonly string[] = [];

const MISSING = Number.NaN;

/**
 * The measures and the lock flag of the rows built so far, grown together: one capacity check
 * a row instead of one a column.
 */
class AccountNumbers {
  capacity: number;
  lat: Float64Array;
  lon: Float64Array;
  employees: Float64Array;
  annualRevenue: Float64Array;
  potential: Float64Array;
  revenue: Float64Array;
  workload: Float64Array;
  locked: Uint8Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.employees = new Float64Array(capacity);
    this.annualRevenue = new Float64Array(capacity);
    this.potential = new Float64Array(capacity);
    this.revenue = new Float64Array(capacity);
    this.workload = new Float64Array(capacity);
    this.locked = new Uint8Array(capacity);
  }

  grow(): void {
    const capacity = this.capacity * 2;
    const wider = (values: Float64Array): Float64Array => {
      const out = new Float64Array(capacity);
      out.set(values);
      return out;
    };
    this.lat = wider(this.lat);
    this.lon = wider(this.lon);
    this.employees = wider(this.employees);
    this.annualRevenue = wider(this.annualRevenue);
    this.potential = wider(this.potential);
    this.revenue = wider(this.revenue);
    this.workload = wider(this.workload);
    const locked = new Uint8Array(capacity);
    locked.set(this.locked);
    this.locked = locked;
    this.capacity = capacity;
  }
}

/** Builds an {@link AccountTable} row by row without holding the rows as objects. */
export class AccountTableBuilder {
  readonly #id: StringColumnBuilder;
  readonly #name: StringColumnBuilder;
  readonly #numbers: AccountNumbers;
  readonly #categories: Record<AccountCategory, CategoryColumnBuilder>;
  readonly #skills: TagColumnBuilder;
  readonly #attributes: AttributeColumnsBuilder;
  /** Row of each id, looked up by the id's characters: the one duplicate check of an import. */
  readonly #ids: SpanTable;
  /** The last id {@link rowOf} looked up, with its hash and answer. */
  #askedText: string | null = null;
  #askedStart = 0;
  #askedEnd = 0;
  #askedHash = 0;
  #askedRow = -1;
  #count = 0;

  constructor(expectedRows = 1024) {
    this.#id = new StringColumnBuilder(expectedRows);
    this.#ids = new SpanTable(this.#id, expectedRows);
    this.#name = new StringColumnBuilder(expectedRows);
    this.#numbers = new AccountNumbers(Math.max(16, expectedRows));
    this.#categories = Object.fromEntries(
      ACCOUNT_CATEGORIES.map((c) => [c, new CategoryColumnBuilder(expectedRows)]),
    ) as Record<AccountCategory, CategoryColumnBuilder>;
    this.#skills = new TagColumnBuilder(expectedRows);
    this.#attributes = new AttributeColumnsBuilder(expectedRows);
  }

  get length(): number {
    return this.#count;
  }

  /** Whether an id has already been pushed. */
  has(id: string): boolean {
    return this.rowOf(id, 0, id.length) >= 0;
  }

  /** The row already pushed with id `text[start, end)`, or -1. */
  rowOf(text: string, start: number, end: number): number {
    const hash = hashSpan(text, start, end);
    const row = this.#ids.find(text, start, end, hash);
    // An importer asks before it pushes: the push of the same id then skips a second lookup.
    this.#askedText = text;
    this.#askedStart = start;
    this.#askedEnd = end;
    this.#askedHash = hash;
    this.#askedRow = row;
    return row;
  }

  /** Declares an extra column up front so it keeps its place even if early rows lack it. */
  declareAttribute(key: string): void {
    this.#attributes.declare(key);
  }

  push(row: AccountInput): void {
    if (typeof row.id !== 'string' || row.id === '') {
      throw new TesseraError('MISSING_ID', `account #${this.#count + 1} has no id`);
    }
    this.#pushId(row.id, 0, row.id.length);
    this.#name.push(row.name ?? '');
    // Spelled out rather than looped over the column lists: this runs a million times on import.
    const n = this.#count;
    const v = this.#numbers;
    if (n === v.capacity) v.grow();
    v.lat[n] = row.lat ?? MISSING;
    v.lon[n] = row.lon ?? MISSING;
    v.employees[n] = row.employees ?? MISSING;
    v.annualRevenue[n] = row.annualRevenue ?? MISSING;
    v.potential[n] = row.potential ?? MISSING;
    v.revenue[n] = row.revenue ?? MISSING;
    v.workload[n] = row.workload ?? MISSING;
    v.locked[n] = row.locked ? 1 : 0;
    const c = this.#categories;
    c.postalCode.push(row.postalCode);
    c.region.push(row.region);
    c.country.push(row.country);
    c.industry.push(row.industry);
    c.owner.push(row.owner);
    this.#skills.push(row.skillsRequired ?? NO_TAGS);
    this.#attributes.push(row.attributes);
    this.#count++;
  }

  /** {@link push} for a row whose text cells are slices of the input. */
  pushSpans(row: AccountSpanInput): void {
    const id = row.id;
    if (id.start === id.end) {
      throw new TesseraError('MISSING_ID', `account #${this.#count + 1} has no id`);
    }
    this.#pushId(id.text, id.start, id.end);
    const name = row.name;
    this.#name.pushSpan(name.text, name.start, name.end);
    const n = this.#count;
    const v = this.#numbers;
    if (n === v.capacity) v.grow();
    v.lat[n] = row.lat;
    v.lon[n] = row.lon;
    v.employees[n] = row.employees;
    v.annualRevenue[n] = row.annualRevenue;
    v.potential[n] = row.potential;
    v.revenue[n] = row.revenue;
    v.workload[n] = row.workload;
    v.locked[n] = row.locked ? 1 : 0;
    const c = this.#categories;
    c.postalCode.pushSpan(row.postalCode.text, row.postalCode.start, row.postalCode.end);
    c.region.pushSpan(row.region.text, row.region.start, row.region.end);
    c.country.pushSpan(row.country.text, row.country.start, row.country.end);
    c.industry.pushSpan(row.industry.text, row.industry.start, row.industry.end);
    c.owner.pushSpan(row.owner.text, row.owner.start, row.owner.end);
    this.#skills.push(row.skillsRequired);
    this.#attributes.push(row.attributes);
    this.#count++;
  }

  #pushId(text: string, start: number, end: number): void {
    const asked = start === this.#askedStart && end === this.#askedEnd && text === this.#askedText;
    this.#askedText = null;
    const hash = asked ? this.#askedHash : hashSpan(text, start, end);
    if ((asked ? this.#askedRow : this.#ids.find(text, start, end, hash)) >= 0) {
      throw new TesseraError(
        'DUPLICATE_ID',
        `account id "${text.slice(start, end)}" appears twice`,
      );
    }
    this.#id.pushSpan(text, start, end);
    this.#ids.add(hash);
  }

  finish(): AccountTable {
    const n = this.#count;
    const v = this.#numbers;
    return new AccountTable({
      kind: 'accounts',
      id: this.#id.finish().data(),
      name: this.#name.finish().data(),
      measures: {
        lat: v.lat.slice(0, n),
        lon: v.lon.slice(0, n),
        employees: v.employees.slice(0, n),
        annualRevenue: v.annualRevenue.slice(0, n),
        potential: v.potential.slice(0, n),
        revenue: v.revenue.slice(0, n),
        workload: v.workload.slice(0, n),
      },
      categories: Object.fromEntries(
        ACCOUNT_CATEGORIES.map((c) => [c, this.#categories[c].finish().data()]),
      ) as Record<AccountCategory, CategoryColumnData>,
      locked: v.locked.slice(0, n),
      skillsRequired: this.#skills.finish().data(),
      attributes: this.#attributes.finish(),
    });
  }
}
