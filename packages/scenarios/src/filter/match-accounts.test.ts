import { AccountTable, TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area-schema.js';
import { matchAccounts, type FilterOptions } from './match-accounts.js';
import { parseFilter } from './parse-filter.js';

// Seven accounts around California and New York, with gaps in every kind of column.
const accounts = AccountTable.fromRows([
  {
    id: 'a1',
    name: 'Acme',
    region: 'West',
    industry: 'healthcare',
    employees: 1500,
    potential: 100,
    lat: 37.77,
    lon: -122.42, // San Francisco
    owner: 'r1',
    locked: true,
    attributes: { segment: 'gold', 'col x': '1' },
  },
  {
    id: 'a2',
    name: 'Beta',
    region: 'West',
    industry: 'retail',
    employees: 150,
    potential: 50,
    lat: 34.05,
    lon: -118.24, // Los Angeles
    owner: 'r2',
    skillsRequired: ['lang:es'],
  },
  {
    id: 'a3',
    region: 'East',
    industry: 'healthcare',
    employees: 20,
    potential: 10,
    lat: 40.71,
    lon: -74.0, // New York
    attributes: { segment: 'silver' },
  },
  { id: 'a4', owner: 'r1' },
  {
    id: 'a5',
    name: 'Épée',
    region: 'East',
    industry: 'tech',
    employees: 1000,
    potential: 0,
    lat: 37.8,
    lon: -122.27, // Oakland, in the bay area's hole
    skillsRequired: ['industry:healthcare', 'lang:es'],
  },
  {
    id: 'a6',
    name: 'Gamma',
    region: 'West',
    industry: 'retail',
    employees: 99,
    potential: -5,
    lat: 37.33,
    lon: -121.89, // San Jose
  },
  {
    id: 'a7',
    name: 'Delta',
    region: 'North',
    employees: 5000,
    potential: 20,
    lat: 37,
    lon: -122, // on the bay area's southern edge
  },
]);

const bayArea: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-123, 37],
      [-121.5, 37],
      [-121.5, 38.2],
      [-123, 38.2],
      [-123, 37],
    ],
    // a hole around Oakland
    [
      [-122.35, 37.75],
      [-122.2, 37.75],
      [-122.2, 37.85],
      [-122.35, 37.85],
      [-122.35, 37.75],
    ],
  ],
};
const square = (lon: number, lat: number): number[][][] => [
  [
    [lon - 0.1, lat - 0.1],
    [lon + 0.1, lat - 0.1],
    [lon + 0.1, lat + 0.1],
    [lon - 0.1, lat + 0.1],
    [lon - 0.1, lat - 0.1],
  ],
];
const caCities: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [square(-118.24, 34.05), square(-122.42, 37.77)],
};
const options: FilterOptions = { areas: { 'bay-area': bayArea, 'ca-cities': caCities } };

function ids(filter: string): string[] {
  const mask = matchAccounts(accounts, filter, options);
  expect(mask).toBeInstanceOf(Uint8Array);
  expect(mask.length).toBe(accounts.length);
  return [...mask.keys()].filter((i) => mask[i] === 1).map((i) => accounts.id.get(i));
}

function failure(filter: string, filterOptions = options): string {
  try {
    matchAccounts(accounts, filter, filterOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe('INVALID_FILTER');
    return (error as Error).message;
  }
  throw new Error(`"${filter}" matched`);
}

describe('matchAccounts: text fields', () => {
  it('compares dictionary-coded columns; missing values satisfy only is null', () => {
    expect(ids('region = "West"')).toEqual(['a1', 'a2', 'a6']);
    expect(ids('region != "West"')).toEqual(['a3', 'a5', 'a7']);
    expect(ids('not region = "West"')).toEqual(['a3', 'a4', 'a5', 'a7']);
    expect(ids('region in ("West", "East")')).toEqual(['a1', 'a2', 'a3', 'a5', 'a6']);
    expect(ids('region not in ("West", "East")')).toEqual(['a7']);
    expect(ids('region is null')).toEqual(['a4']);
    expect(ids('region is not null')).toEqual(['a1', 'a2', 'a3', 'a5', 'a6', 'a7']);
    expect(ids('region = "Nowhere"')).toEqual([]);
    expect(ids('region != "Nowhere"')).toEqual(['a1', 'a2', 'a3', 'a5', 'a6', 'a7']);
    expect(ids('industry in ("healthcare", "Nowhere")')).toEqual(['a1', 'a3']);
    expect(ids('owner is null')).toEqual(['a3', 'a5', 'a6', 'a7']);
    expect(ids('owner = "r1"')).toEqual(['a1', 'a4']);
  });

  it('compares ids and names byte for byte; an empty name is missing', () => {
    expect(ids('id = "a3"')).toEqual(['a3']);
    expect(ids('id in ("a1", "a7", "zz")')).toEqual(['a1', 'a7']);
    expect(ids('id != "a1"')).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(ids('id is null')).toEqual([]);
    expect(ids('name = "Épée"')).toEqual(['a5']);
    expect(ids('name = "Epee"')).toEqual([]);
    expect(ids('name in ("Beta", "Acme")')).toEqual(['a1', 'a2']);
    expect(ids('name != "Acme"')).toEqual(['a2', 'a5', 'a6', 'a7']);
    expect(ids('name not in ("Acme", "Beta")')).toEqual(['a5', 'a6', 'a7']);
    expect(ids('name is null')).toEqual(['a3', 'a4']);
    expect(ids('name is not null')).toEqual(['a1', 'a2', 'a5', 'a6', 'a7']);
    expect(ids('name = ""')).toEqual([]);
  });

  it('reads attribute columns by their header', () => {
    expect(ids('attr.segment = "gold"')).toEqual(['a1']);
    expect(ids('attr.segment != "gold"')).toEqual(['a3']);
    expect(ids('attr.segment is null')).toEqual(['a2', 'a4', 'a5', 'a6', 'a7']);
    expect(ids('attr."col x" = "1"')).toEqual(['a1']);
  });

  it('names an unknown attribute column and the known ones', () => {
    expect(failure('attr.segmnt = "gold"')).toBe(
      'filter "attr.segmnt = "gold"": unknown attribute column "segmnt" (attribute columns: "segment", "col x")',
    );
    const plain = AccountTable.fromRows([{ id: 'x' }]);
    expect(() => matchAccounts(plain, 'attr.segment is null')).toThrow(
      'filter "attr.segment is null": unknown attribute column "segment" (the accounts have no attribute columns)',
    );
  });
});

describe('matchAccounts: numbers, booleans, tiers and skills', () => {
  it('compares numbers; NaN satisfies nothing but is null', () => {
    expect(ids('employees >= 1000')).toEqual(['a1', 'a5', 'a7']);
    expect(ids('employees > 1000')).toEqual(['a1', 'a7']);
    expect(ids('employees < 100')).toEqual(['a3', 'a6']);
    expect(ids('employees <= 99')).toEqual(['a3', 'a6']);
    expect(ids('employees = 150')).toEqual(['a2']);
    expect(ids('employees != 150')).toEqual(['a1', 'a3', 'a5', 'a6', 'a7']);
    expect(ids('employees in (20, 99, 7)')).toEqual(['a3', 'a6']);
    expect(ids('employees not in (20, 99)')).toEqual(['a1', 'a2', 'a5', 'a7']);
    expect(ids('employees is null')).toEqual(['a4']);
    expect(ids('potential <= 0')).toEqual(['a5', 'a6']);
    expect(ids('potential > -10 and potential < 0')).toEqual(['a6']);
    expect(ids('revenue is null')).toHaveLength(7);
    expect(ids('lat > 37.5 and lon < -122')).toEqual(['a1', 'a5']);
  });

  it('compares locked with true and false', () => {
    expect(ids('locked = true')).toEqual(['a1']);
    expect(ids('locked != true')).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(ids('locked = false')).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(ids('locked != false')).toEqual(['a1']);
  });

  it('puts each account in its default size tier; no size data means smb', () => {
    expect(ids('size = "enterprise"')).toEqual(['a1', 'a5', 'a7']);
    expect(ids('size = "midmarket"')).toEqual(['a2']);
    expect(ids('size = "smb"')).toEqual(['a3', 'a4', 'a6']);
    expect(ids('size != "smb"')).toEqual(['a1', 'a2', 'a5', 'a7']);
    expect(ids('size in ("midmarket", "smb")')).toEqual(['a2', 'a3', 'a4', 'a6']);
    expect(ids('size not in ("midmarket", "smb")')).toEqual(['a1', 'a5', 'a7']);
  });

  it('tests the skills an account needs: its own, else its industry', () => {
    expect(ids('skills has "lang:es"')).toEqual(['a2', 'a5']);
    // a1 and a3 list no skills, so they need their industry's; a5 lists it.
    expect(ids('skills has "industry:healthcare"')).toEqual(['a1', 'a3', 'a5']);
    expect(ids('skills has "industry:retail"')).toEqual(['a6']);
    expect(ids('skills has "nope"')).toEqual([]);
  });
});

describe('matchAccounts: areas', () => {
  it('tests points against a polygon with a hole; an edge counts as inside', () => {
    expect(ids('within "bay-area"')).toEqual(['a1', 'a6', 'a7']);
    expect(ids('not within "bay-area"')).toEqual(['a2', 'a3', 'a4', 'a5']);
  });

  it('tests every part of a MultiPolygon', () => {
    expect(ids('within "ca-cities"')).toEqual(['a1', 'a2']);
    expect(ids('within "ca-cities" and not within "bay-area"')).toEqual(['a2']);
  });

  it('combines areas with other conditions in any order', () => {
    expect(ids('region = "West" and within "bay-area"')).toEqual(['a1', 'a6']);
    expect(ids('within "bay-area" and region = "West"')).toEqual(['a1', 'a6']);
    expect(ids('region = "West" and not within "bay-area"')).toEqual(['a2']);
    expect(ids('within "bay-area" or region = "East"')).toEqual(['a1', 'a3', 'a5', 'a6', 'a7']);
    expect(ids('not (region = "East" or within "bay-area")')).toEqual(['a2', 'a4']);
    expect(ids('region = "East" and within "bay-area"')).toEqual([]);
  });

  it('names an unknown area and the known ones', () => {
    expect(failure('within "mars"')).toBe(
      'filter "within "mars"": unknown area "mars" (areas: "bay-area", "ca-cities")',
    );
    expect(failure('within "bay-area"', {})).toBe(
      'filter "within "bay-area"": unknown area "bay-area" (no areas are defined)',
    );
    expect(failure('within "toString"')).toContain('unknown area "toString"');
  });

  it('rejects a malformed area instead of crashing', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    } as const;
    expect(failure('within "open"', { areas: { open: open as unknown as AreaGeometry } })).toBe(
      'filter "within "open"": area "open" at coordinates.0: a ring must be closed: its last position must repeat the first',
    );
  });
});

describe('matchAccounts: connectives', () => {
  it('binds and tighter than or', () => {
    expect(ids('region = "East" or region = "West" and employees < 100')).toEqual([
      'a3',
      'a5',
      'a6',
    ]);
    expect(ids('(region = "East" or region = "West") and employees < 100')).toEqual(['a3', 'a6']);
  });

  it('matches everything with all, nothing with not all', () => {
    expect(ids('all')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(ids('not all')).toEqual([]);
    expect(ids('all and region = "East"')).toEqual(['a3', 'a5']);
  });

  it('takes an AST as well as text, and checks it the same way', () => {
    const text = 'region = "West" and industry in ("healthcare", "retail") and potential > 60';
    expect(matchAccounts(accounts, parseFilter(text))).toEqual(matchAccounts(accounts, text));
    expect(() =>
      matchAccounts(accounts, { kind: 'compare', field: 'region', op: '<', value: 3 }),
    ).toThrow(
      'filter "region < 3": position 8: "<" does not apply to text field "region" (use =, !=, in, not in, is null, is not null)',
    );
    expect(matchAccounts(accounts, { kind: 'and', operands: [] })).toEqual(
      new Uint8Array(7).fill(1),
    );
  });

  it('rejects a filter that does not parse', () => {
    expect(failure('potential >> 3')).toBe('filter "potential >> 3": position 11: unexpected ">>"');
  });

  it('handles an empty table', () => {
    const empty = AccountTable.fromRows([]);
    expect(matchAccounts(empty, 'region = "West" or within "bay-area"', options)).toEqual(
      new Uint8Array(0),
    );
  });
});
