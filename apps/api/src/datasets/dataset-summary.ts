import type {
  AccountTable,
  CategoryColumn,
  RepTable,
  StringColumn,
  TagColumn,
} from '@tessera/core';
import type { Dataset } from '@tessera/scenarios';
import type { DatasetSummary } from '../db/schema/index.js';

/**
 * What a dataset's summary shows without loading its columns: totals, the box around located
 * accounts, and which columns hold data. Columns carry the CSV contract's names (those the
 * filter language uses), attribute columns their header as written.
 */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const { accounts, reps } = dataset;
  const accountAttributes = [...accounts.attributes.keys()];
  const repAttributes = [...reps.attributes.keys()];
  return {
    totals: {
      workload: sum(accounts.workload),
      potential: sum(accounts.potential),
      revenue: sum(accounts.revenue),
    },
    ...locatedBounds(accounts),
    columns: {
      accounts: [...accountColumns(accounts), ...accountAttributes],
      reps: [...repColumns(reps), ...repAttributes],
    },
    attributes: { accounts: accountAttributes, reps: repAttributes },
    baseline: dataset.baseline !== undefined,
  };
}

/** Missing values (NaN) count as nothing. */
function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) if (!Number.isNaN(v)) total += v;
  return total;
}

function locatedBounds(accounts: AccountTable): Pick<DatasetSummary, 'bounds' | 'located'> {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let located = 0;
  const { lat, lon } = accounts;
  for (let i = 0; i < accounts.length; i++) {
    const y = lat[i]!;
    const x = lon[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    located++;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return { located, bounds: located === 0 ? null : [west, south, east, north] };
}

function accountColumns(a: AccountTable): string[] {
  const present: [string, boolean][] = [
    ['id', true],
    ['name', hasText(a.name)],
    ['lat', hasNumber(a.lat)],
    ['lon', hasNumber(a.lon)],
    ['postal_code', hasCategory(a.postalCode)],
    ['region', hasCategory(a.region)],
    ['country', hasCategory(a.country)],
    ['industry', hasCategory(a.industry)],
    ['employees', hasNumber(a.employees)],
    ['annual_revenue', hasNumber(a.annualRevenue)],
    ['potential', hasNumber(a.potential)],
    ['revenue', hasNumber(a.revenue)],
    ['workload', hasNumber(a.workload)],
    ['owner', hasCategory(a.owner)],
    // An all-false column reads the same as none: both mean "nothing locked".
    ['locked', a.locked.includes(1)],
    ['skills_required', hasTags(a.skillsRequired)],
  ];
  return present.filter(([, has]) => has).map(([name]) => name);
}

function repColumns(r: RepTable): string[] {
  const present: [string, boolean][] = [
    ['id', true],
    ['name', hasText(r.name)],
    ['lat', hasNumber(r.lat)],
    ['lon', hasNumber(r.lon)],
    ['capacity', hasNumber(r.capacity)],
    ['skills', hasTags(r.skills)],
    ['level', hasNumber(r.level)],
  ];
  return present.filter(([, has]) => has).map(([name]) => name);
}

const hasNumber = (values: Float64Array): boolean => values.some((v) => !Number.isNaN(v));
const hasCategory = (column: CategoryColumn): boolean => column.codes.some((c) => c >= 0);
const hasTags = (column: TagColumn): boolean => column.codes.length > 0;
// Packed strings: the last offset is the bytes of every row together, 0 when all are empty.
const hasText = (column: StringColumn): boolean => column.offsets[column.length]! > 0;
