// Properties of the whole language: the canonical text parses back to the same tree, and the
// column-wise evaluator agrees with a plain row-by-row reading of the documented semantics.
import { AccountTableBuilder, type AccountRow, type AccountTable } from '@tessera/core';
import { DEFAULT_TIERS } from '@tessera/plugins';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area-schema.js';
import type { CompareOp, FilterExpression, FilterFieldRef, FilterValue } from './filter-ast.js';
import { formatFilter } from './format-filter.js';
import { matchAccounts } from './match-accounts.js';
import { parseFilter } from './parse-filter.js';

const TEXT_FIELDS = [
  'id',
  'name',
  'postal_code',
  'region',
  'country',
  'industry',
  'owner',
] as const;
const NUMBER_FIELDS = [
  'employees',
  'annual_revenue',
  'potential',
  'revenue',
  'workload',
  'lat',
  'lon',
] as const;
const OPS: readonly CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];
const TIERS = DEFAULT_TIERS.map((tier) => tier.id);

interface Pools {
  readonly text: fc.Arbitrary<string>;
  readonly number: fc.Arbitrary<number>;
  readonly attribute: fc.Arbitrary<string>;
  readonly tag: fc.Arbitrary<string>;
  readonly area: fc.Arbitrary<string>;
}

/** Well-typed filters (what the parser can produce), values drawn from the pools. */
function filterArbitrary(pools: Pools): fc.Arbitrary<FilterExpression> {
  const textField: fc.Arbitrary<FilterFieldRef> = fc.oneof(
    fc.constantFrom(...TEXT_FIELDS),
    pools.attribute.map((name): FilterFieldRef => `attr.${name}`),
  );
  const numberField = fc.constantFrom(...NUMBER_FIELDS);
  const typed = <F extends FilterFieldRef>(
    field: fc.Arbitrary<F>,
    value: fc.Arbitrary<FilterValue>,
    ops: readonly CompareOp[],
  ): fc.Arbitrary<FilterExpression>[] => [
    fc.record({
      kind: fc.constant('compare' as const),
      field,
      op: fc.constantFrom(...ops),
      value,
    }),
    fc.record({
      kind: fc.constant('in' as const),
      field,
      values: fc.array(value, { minLength: 1, maxLength: 4 }),
      negated: fc.boolean(),
    }),
  ];
  const leaf = fc.oneof(
    ...typed(textField, pools.text, ['=', '!=']),
    ...typed(numberField, pools.number, OPS),
    ...typed(fc.constant('size' as const), fc.constantFrom(...TIERS), ['=', '!=']),
    fc.record({
      kind: fc.constant('compare' as const),
      field: fc.constant('locked' as const),
      op: fc.constantFrom<CompareOp>('=', '!='),
      value: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('isNull' as const),
      field: fc.oneof(textField, numberField),
      negated: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('has' as const),
      field: fc.constant('skills' as const),
      tag: pools.tag,
    }),
    fc.record({ kind: fc.constant('within' as const), area: pools.area }),
    fc.constant({ kind: 'all' as const }),
  );
  const { expr } = fc.letrec<{ expr: FilterExpression }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('not' as const), operand: tie('expr') }),
    ),
  }));
  return expr;
}

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
const wild = filterArbitrary({
  text: anyString,
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  attribute: anyString.filter((s) => s !== ''),
  tag: anyString,
  area: anyString,
});

describe('format and parse', () => {
  it('parseFilter(formatFilter(e)) is e', () => {
    fc.assert(
      fc.property(wild, (expr) => {
        const text = formatFilter(expr);
        expect(parseFilter(text)).toEqual(expr);
        expect(formatFilter(parseFilter(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

// A small world whose values the filters below draw from, so that most conditions match some.
const REGIONS = ['West', 'East', 'São Paulo'];
const TAGS = ['industry:healthcare', 'lang:es', 'segment:smb'];
const areas: Record<string, AreaGeometry> = {
  triangle: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [0, 10],
        [0, 0],
      ],
    ],
  },
  holed: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [2, 2],
          [8, 2],
          [8, 8],
          [2, 8],
          [2, 2],
        ],
        [
          [4, 4],
          [6, 4],
          [6, 6],
          [4, 6],
          [4, 4],
        ],
      ],
      [
        [
          [-5, -5],
          [-1, -5],
          [-1, -1],
          [-5, -5],
        ],
      ],
    ],
  },
};

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof(arb, fc.constant(null));
const coordinate = maybe(
  fc.oneof(fc.integer({ min: -6, max: 10 }), fc.double({ min: -6, max: 10, noNaN: true })),
);
const rowArbitrary = fc.record({
  name: fc.constantFrom('', 'Acme', 'Épée'),
  region: maybe(fc.constantFrom(...REGIONS, '')),
  industry: maybe(fc.constantFrom('healthcare', 'retail')),
  owner: maybe(fc.constantFrom('r1', 'r2')),
  employees: maybe(fc.constantFrom(0, 99, 100, 150, 999, 1000, 5000)),
  potential: maybe(fc.integer({ min: -3, max: 3 })),
  lat: coordinate,
  lon: coordinate,
  locked: fc.boolean(),
  skillsRequired: fc.subarray(TAGS),
  segment: maybe(fc.constantFrom('gold', 'silver')),
});
const tableArbitrary = fc.array(rowArbitrary, { maxLength: 30 }).map((rows): AccountTable => {
  const builder = new AccountTableBuilder(rows.length);
  builder.declareAttribute('segment');
  rows.forEach(({ segment, ...row }, i) => {
    builder.push({ ...row, id: `a${i}`, attributes: segment === null ? null : { segment } });
  });
  return builder.finish();
});
const worldFilter = filterArbitrary({
  text: fc.constantFrom(...REGIONS, 'healthcare', 'retail', 'r1', 'Acme', 'Épée', 'a1', 'gold', ''),
  number: fc.constantFrom(-1, 0, 1, 99, 100, 1000, 2.5, 5),
  attribute: fc.constant('segment'),
  tag: fc.constantFrom(...TAGS, 'industry:retail'),
  area: fc.constantFrom('triangle', 'holed'),
});

/** The documented semantics, one row at a time. */
function rowMatches(row: AccountRow, expr: FilterExpression): boolean {
  switch (expr.kind) {
    case 'all':
      return true;
    case 'and':
      return expr.operands.every((operand) => rowMatches(row, operand));
    case 'or':
      return expr.operands.some((operand) => rowMatches(row, operand));
    case 'not':
      return !rowMatches(row, expr.operand);
    case 'has': {
      const needs = row.skillsRequired.length
        ? row.skillsRequired
        : row.industry !== null
          ? [`industry:${row.industry}`]
          : [];
      return needs.includes(expr.tag);
    }
    case 'within':
      return (
        row.lat !== null &&
        row.lon !== null &&
        booleanPointInPolygon([row.lon, row.lat], areas[expr.area]!)
      );
    case 'isNull':
      return (valueOf(row, expr.field) === null) !== expr.negated;
    case 'in': {
      const value = valueOf(row, expr.field);
      return value !== null && expr.values.includes(value) !== expr.negated;
    }
    case 'compare': {
      const value = valueOf(row, expr.field);
      if (value === null) return false;
      const x = expr.value;
      switch (expr.op) {
        case '=':
          return value === x;
        case '!=':
          return value !== x;
        case '<':
          return value < x;
        case '<=':
          return value <= x;
        case '>':
          return value > x;
        case '>=':
          return value >= x;
      }
    }
  }
}

function valueOf(row: AccountRow, field: FilterFieldRef): FilterValue | null {
  if (field.startsWith('attr.')) return row.attributes[field.slice(5)] ?? null;
  switch (field) {
    case 'name':
      return row.name === '' ? null : row.name;
    case 'postal_code':
      return row.postalCode;
    case 'annual_revenue':
      return row.annualRevenue;
    case 'size': {
      const tier = DEFAULT_TIERS.find(
        (t) => t.minEmployees === undefined || (row.employees ?? -1) >= t.minEmployees,
      );
      return tier!.id;
    }
    default:
      return row[field as 'id' | 'region' | 'employees' | 'locked'];
  }
}

describe('matchAccounts semantics', () => {
  it('agrees with a row-by-row reading of the filter', () => {
    fc.assert(
      fc.property(tableArbitrary, worldFilter, (accounts, expr) => {
        const mask = matchAccounts(accounts, expr, { areas });
        const expected = Uint8Array.from(accounts.rows(), (row) => (rowMatches(row, expr) ? 1 : 0));
        expect(mask).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('not f is the complement of f', () => {
    fc.assert(
      fc.property(tableArbitrary, worldFilter, (accounts, f) => {
        const mask = matchAccounts(accounts, f, { areas });
        const not = matchAccounts(accounts, { kind: 'not', operand: f }, { areas });
        expect(not).toEqual(mask.map((v) => 1 - v));
      }),
      { numRuns: 200 },
    );
  });

  it('f and g is the intersection, f or g the union', () => {
    fc.assert(
      fc.property(tableArbitrary, worldFilter, worldFilter, (accounts, f, g) => {
        const a = matchAccounts(accounts, f, { areas });
        const b = matchAccounts(accounts, g, { areas });
        const and = matchAccounts(accounts, `(${formatFilter(f)}) and (${formatFilter(g)})`, {
          areas,
        });
        const or = matchAccounts(accounts, { kind: 'or', operands: [f, g] }, { areas });
        expect(and).toEqual(a.map((v, i) => v & b[i]!));
        expect(or).toEqual(a.map((v, i) => v | b[i]!));
      }),
      { numRuns: 200 },
    );
  });
});
