import {
  AccountTableBuilder,
  type AccountInput,
  type AccountTable,
} from '../../table/account-table.js';
import type { RepTable } from '../../table/rep-table.js';
import { CellReader } from './cell-reader.js';
import { ACCOUNT_COLUMNS, requireCoordinatePair, resolveHeader } from './columns.js';
import { IdLines } from './id-lines.js';
import { importRecords, type RecordSink, type SinkContext } from './import-records.js';
import type { CsvInput, ImportOptions, ImportResult } from './import-types.js';

export interface ImportAccountsOptions extends ImportOptions {
  /** Reps to check `owner` against: an owner naming none of them is a warning. */
  reps?: RepTable;
}

/**
 * Imports an accounts CSV (see the CSV contract in the package README) into an AccountTable.
 * All-or-nothing unless `skipInvalid` is set: any error throws a CsvImportError listing them.
 */
export async function importAccountsCsv(
  input: CsvInput,
  options: ImportAccountsOptions = {},
): Promise<ImportResult<AccountTable>> {
  const result = await importRecords(
    input,
    options,
    (context) => new AccountSink(context, options.reps),
  );
  return {
    table: result.value,
    issues: result.log.issues(),
    issueCount: result.log.total,
    rowsRead: result.rowsRead,
    rowsImported: result.rowsImported,
  };
}

type AccountColumn = keyof typeof ACCOUNT_COLUMNS;

class AccountSink implements RecordSink<AccountTable> {
  readonly #builder = new AccountTableBuilder();
  readonly #cells: CellReader;
  readonly #context: SinkContext;
  readonly #reps: RepTable | undefined;
  readonly #ix: Record<AccountColumn, number>;
  readonly #label: Record<AccountColumn, string>;
  readonly #extras: { index: number; name: string }[];
  readonly #idLines = new IdLines((id) => this.#builder.has(id));
  // One input object and one attribute record, refilled for every row: the builder copies out.
  readonly #row: AccountInput = { id: '' };
  readonly #attributes: Record<string, string> = {};

  constructor(context: SinkContext, reps: RepTable | undefined) {
    const header = resolveHeader(context.header, ACCOUNT_COLUMNS, ['id']);
    requireCoordinatePair(header);
    this.#context = context;
    this.#cells = new CellReader(context.log, context.dialect.delimiter === ';');
    this.#reps = reps;
    this.#ix = header.index;
    this.#label = header.label;
    this.#extras = header.extras;
    for (const extra of header.extras) this.#builder.declareAttribute(extra.name);
  }

  accept(fields: readonly string[], line: number): boolean {
    const log = this.#context.log;
    const errors = log.errorCount;
    const c = this.#cells;
    const ix = this.#ix;
    const label = this.#label;
    const row = this.#row;
    c.line = line;

    const id = c.text(fields, ix.id);
    this.#idLines.check(log, line, label.id, id, 'account');
    row.id = id;
    row.name = c.text(fields, ix.name);
    row.lat = c.measure(fields, ix.lat, label.lat, 'latitude');
    row.lon = c.measure(fields, ix.lon, label.lon, 'longitude');
    c.pair(fields, ix.lat, ix.lon, label);
    row.postalCode = c.text(fields, ix.postal_code);
    row.region = c.text(fields, ix.region);
    row.country = c.text(fields, ix.country);
    row.industry = c.text(fields, ix.industry);
    row.employees = c.measure(fields, ix.employees, label.employees, 'non-negative');
    row.annualRevenue = c.measure(fields, ix.annual_revenue, label.annual_revenue, 'non-negative');
    row.potential = c.measure(fields, ix.potential, label.potential, 'non-negative');
    row.revenue = c.measure(fields, ix.revenue, label.revenue, 'non-negative');
    row.workload = c.measure(fields, ix.workload, label.workload, 'non-negative');
    const owner = c.text(fields, ix.owner);
    row.owner = owner;
    if (owner !== '' && this.#reps && this.#reps.indexOf(owner) < 0) {
      log.warning(
        line,
        label.owner,
        owner,
        'names no rep in the rep table; the account counts as unowned',
      );
    }
    row.locked = c.flag(fields, ix.locked, label.locked);
    row.skillsRequired = c.tags(fields, ix.skills_required, label.skills_required);
    if (this.#extras.length > 0) {
      for (const extra of this.#extras) this.#attributes[extra.name] = c.text(fields, extra.index);
      row.attributes = this.#attributes;
    }

    if (log.errorCount !== errors) {
      this.#idLines.rejected(id, line);
      return false;
    }
    this.#builder.push(row);
    this.#idLines.imported(id, line);
    return true;
  }

  finish(): AccountTable {
    return this.#builder.finish();
  }
}
