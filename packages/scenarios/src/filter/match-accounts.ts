import {
  requiredSkills,
  type AccountCategory,
  type AccountMeasure,
  type AccountTable,
  type TesseraError,
} from '@tessera/core';
import { sizeTierOf } from '@tessera/plugins';
import { areaGeometrySchema, type AreaGeometry } from './area-schema.js';
import { withinMask } from './area-mask.js';
import {
  categoryMask,
  lookupCodes,
  measureCompareMask,
  measureInMask,
  measureNullMask,
  stringMask,
  type TextTest,
} from './column-masks.js';
import { ATTRIBUTE_PREFIX, SIZE_TIER_IDS } from './fields.js';
import type {
  CompareFilter,
  FilterExpression,
  FilterValue,
  InFilter,
  IsNullFilter,
} from './filter-ast.js';
import { filterMismatch, quote } from './filter-error.js';
import { formatFilter } from './format-filter.js';
import { parseFilter } from './parse-filter.js';

export interface FilterOptions {
  /** Named areas that `within "name"` refers to. */
  readonly areas?: Readonly<Record<string, AreaGeometry>> | undefined;
}

const CATEGORY_OF: Readonly<Record<string, AccountCategory>> = {
  postal_code: 'postalCode',
  region: 'region',
  country: 'country',
  industry: 'industry',
  owner: 'owner',
};

const MEASURE_OF: Readonly<Record<string, AccountMeasure>> = {
  employees: 'employees',
  annual_revenue: 'annualRevenue',
  potential: 'potential',
  revenue: 'revenue',
  workload: 'workload',
  lat: 'lat',
  lon: 'lon',
};

// Geometries already checked against areaGeometrySchema: a scenario reuses them edit after edit.
const checkedAreas = new WeakSet<AreaGeometry>();

/**
 * Which accounts a filter selects: 1 at every matching row. The filter is text in the filter
 * language (docs/filters.md) or an AST; an AST is checked exactly as its text would be. Runs
 * column by column: literals become dictionary codes once, then each condition is one scan.
 * Throws TesseraError `INVALID_FILTER` for a filter that does not parse, names an attribute
 * column these accounts lack, or an area `options.areas` does not define.
 */
export function matchAccounts(
  accounts: AccountTable,
  filter: string | FilterExpression,
  options: FilterOptions = {},
): Uint8Array {
  const text = typeof filter === 'string' ? filter : formatFilter(filter);
  return new Evaluation(accounts, text, options).run(parseFilter(text), undefined);
}

class Evaluation {
  readonly #accounts: AccountTable;
  readonly #text: string;
  readonly #areas: Readonly<Record<string, AreaGeometry>>;
  #tiers: Int32Array | undefined;

  constructor(accounts: AccountTable, text: string, options: FilterOptions) {
    this.#accounts = accounts;
    this.#text = text;
    this.#areas = options.areas ?? {};
  }

  /**
   * The mask of `expr`. With a `scope`, only rows where scope is 1 need a right answer: an
   * `and` passes what its earlier operands left standing, so a polygon test runs on few rows.
   */
  run(expr: FilterExpression, scope: Uint8Array | undefined): Uint8Array {
    const n = this.#accounts.length;
    switch (expr.kind) {
      case 'all':
        return new Uint8Array(n).fill(1);
      case 'not': {
        const mask = this.run(expr.operand, scope);
        for (let i = 0; i < n; i++) mask[i] = mask[i]! ^ 1;
        return mask;
      }
      case 'and': {
        // Cheap scans first, polygon tests last, on what is left.
        const [first, ...rest] = [...expr.operands].sort((a, b) => cost(a) - cost(b));
        if (!first) return new Uint8Array(n).fill(1);
        const mask = this.run(first, scope);
        for (const operand of rest) {
          const other = this.run(operand, mask);
          for (let i = 0; i < n; i++) mask[i] = mask[i]! & other[i]!;
        }
        return mask;
      }
      case 'or': {
        const [first, ...rest] = [...expr.operands].sort((a, b) => cost(a) - cost(b));
        if (!first) return new Uint8Array(n);
        const mask = this.run(first, scope);
        for (const operand of rest) {
          let left: Uint8Array | undefined;
          if (cost(operand) > 0) {
            left = new Uint8Array(n);
            for (let i = 0; i < n; i++) left[i] = mask[i]! ^ 1;
          }
          const other = this.run(operand, left);
          for (let i = 0; i < n; i++) mask[i] = mask[i]! | other[i]!;
        }
        return mask;
      }
      case 'has':
        return this.#has(expr.tag);
      case 'within':
        return withinMask(this.#accounts, this.#area(expr.area), scope);
      case 'compare':
      case 'in':
      case 'isNull':
        return this.#condition(expr);
    }
  }

  #condition(expr: CompareFilter | InFilter | IsNullFilter): Uint8Array {
    const accounts = this.#accounts;
    const { field } = expr;
    const measure = MEASURE_OF[field];
    if (measure) {
      const values = accounts[measure];
      if (expr.kind === 'isNull') return measureNullMask(values, expr.negated);
      if (expr.kind === 'in') return measureInMask(values, expr.values.map(Number), expr.negated);
      return measureCompareMask(values, expr.op, Number(expr.value));
    }
    if (field === 'locked') {
      // Parsing admits only = and != with true/false here.
      const target = expr.kind === 'compare' && expr.value === true ? 1 : 0;
      const equal = expr.kind === 'compare' && expr.op === '=';
      const answer = Uint8Array.of(0, 0);
      answer[target] = equal ? 1 : 0;
      answer[1 - target] = equal ? 0 : 1;
      return lookupCodes(accounts.locked, answer, 0);
    }
    const test = textTest(expr);
    if (field === 'size') {
      this.#tiers ??= sizeTierOf(accounts);
      const answer = new Uint8Array(SIZE_TIER_IDS.length);
      if (test.kind === 'oneOf') {
        SIZE_TIER_IDS.forEach((id, t) => {
          answer[t] = test.values.includes(id) !== test.negated ? 1 : 0;
        });
      }
      return lookupCodes(this.#tiers, answer, 0);
    }
    if (field === 'id' || field === 'name') return stringMask(accounts[field], test);
    const category = CATEGORY_OF[field];
    if (category) return categoryMask(accounts[category], test);
    return categoryMask(this.#attribute(field.slice(ATTRIBUTE_PREFIX.length)), test);
  }

  #has(tag: string): Uint8Array {
    const skills = requiredSkills(this.#accounts);
    const out = new Uint8Array(this.#accounts.length);
    const code = skills.codeOf(tag);
    if (code < 0) return out;
    const { offsets, codes } = skills;
    for (let i = 0; i < out.length; i++) {
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        if (codes[k] === code) {
          out[i] = 1;
          break;
        }
      }
    }
    return out;
  }

  #attribute(column: string) {
    const found = this.#accounts.attributes.get(column);
    if (found) return found;
    const known = [...this.#accounts.attributes.keys()];
    throw this.#mismatch(
      `unknown attribute column ${quote(column)} (${
        known.length
          ? `attribute columns: ${known.map(quote).join(', ')}`
          : 'the accounts have no attribute columns'
      })`,
    );
  }

  #area(name: string): AreaGeometry {
    const area = Object.hasOwn(this.#areas, name) ? this.#areas[name] : undefined;
    if (!area) {
      const known = Object.keys(this.#areas);
      throw this.#mismatch(
        `unknown area ${quote(name)} (${known.length ? `areas: ${known.map(quote).join(', ')}` : 'no areas are defined'})`,
      );
    }
    if (!checkedAreas.has(area)) {
      const checked = areaGeometrySchema.safeParse(area);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
        throw this.#mismatch(`area ${quote(name)}${at}: ${issue.message}`);
      }
      checkedAreas.add(area);
    }
    return area;
  }

  #mismatch(reason: string): TesseraError {
    return filterMismatch(this.#text, reason);
  }
}

/** How a text, tier or attribute condition reads as a test (the parser admits only = and !=). */
function textTest(expr: CompareFilter | InFilter | IsNullFilter): TextTest {
  if (expr.kind === 'isNull') return { kind: 'isNull', negated: expr.negated };
  if (expr.kind === 'in')
    return { kind: 'oneOf', values: expr.values.map(text), negated: expr.negated };
  return { kind: 'oneOf', values: [text(expr.value)], negated: expr.op === '!=' };
}

function text(value: FilterValue): string {
  return String(value);
}

/** 0 for a column scan, 1 for anything that tests polygons. */
function cost(expr: FilterExpression): number {
  switch (expr.kind) {
    case 'within':
      return 1;
    case 'not':
      return cost(expr.operand);
    case 'and':
    case 'or':
      return Math.max(0, ...expr.operands.map(cost));
    default:
      return 0;
  }
}
