import {
  AccountTableBuilder,
  type AccountSpanInput,
  type AccountTable,
} from '../../table/account-table.js';
import type { RepTable } from '../../table/rep-table.js';
import { TextSpan } from '../../table/span-table.js';
import { CellReader } from './cell-reader.js';
import { ACCOUNT_COLUMNS, requireCoordinatePair, resolveHeader } from './columns.js';
import { CsvBlock, type CsvRecord } from './csv-block.js';
import { RowLines } from './id-lines.js';
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
  readonly #idLines = new RowLines((text, start, end) => this.#builder.rowOf(text, start, end));
  // One input object and one attribute record, refilled for every row: the builder copies out.
  readonly #row: AccountSpanInput = {
    id: new TextSpan(),
    name: new TextSpan(),
    lat: Number.NaN,
    lon: Number.NaN,
    postalCode: new TextSpan(),
    region: new TextSpan(),
    country: new TextSpan(),
    industry: new TextSpan(),
    employees: Number.NaN,
    annualRevenue: Number.NaN,
    potential: Number.NaN,
    revenue: Number.NaN,
    workload: Number.NaN,
    owner: new TextSpan(),
    locked: false,
    skillsRequired: [],
    attributes: null,
  };
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
    // Only a caller outside importRecords hands over strings.
    return this.acceptRecord(CsvBlock.fromRows([fields], [line], null, line + 1).record(0), line);
  }

  acceptRecord(record: CsvRecord, line: number): boolean {
    const log = this.#context.log;
    const errors = log.errorCount;
    const c = this.#cells;
    const ix = this.#ix;
    const label = this.#label;
    const row = this.#row;
    c.line = line;

    c.selectText(record, ix.id);
    const id = row.id;
    id.set(c.source, c.from, c.to);
    this.#idLines.check(log, line, label.id, 'account', id.text, id.start, id.end);
    row.lat = c.measureAt(record, ix.lat, label.lat, 'latitude');
    row.lon = c.measureAt(record, ix.lon, label.lon, 'longitude');
    c.pairAt(record, ix.lat, ix.lon, label);
    row.employees = c.measureAt(record, ix.employees, label.employees, 'non-negative');
    row.annualRevenue = c.measureAt(
      record,
      ix.annual_revenue,
      label.annual_revenue,
      'non-negative',
    );
    row.potential = c.measureAt(record, ix.potential, label.potential, 'non-negative');
    row.revenue = c.measureAt(record, ix.revenue, label.revenue, 'non-negative');
    row.workload = c.measureAt(record, ix.workload, label.workload, 'non-negative');
    const owner = this.#reps && c.selectText(record, ix.owner) ? c.selected() : '';
    if (owner !== '' && this.#reps && this.#reps.indexOf(owner) < 0) {
      log.warning(
        line,
        label.owner,
        owner,
        'names no rep in the rep table; the account counts as unowned',
      );
    }
    row.locked = c.flagAt(record, ix.locked, label.locked);
    row.skillsRequired = c.tagsAt(record, ix.skills_required, label.skills_required);

    if (log.errorCount !== errors) {
      this.#idLines.rejected(id.text, id.start, id.end, line);
      return false;
    }
    // Text cells raise no errors: they are read once the row is known to be imported.
    this.#span(record, ix.name, row.name);
    this.#span(record, ix.postal_code, row.postalCode);
    this.#span(record, ix.region, row.region);
    this.#span(record, ix.country, row.country);
    this.#span(record, ix.industry, row.industry);
    this.#span(record, ix.owner, row.owner);
    if (this.#extras.length > 0) {
      for (const extra of this.#extras) {
        this.#attributes[extra.name] = c.textAt(record, extra.index);
      }
      row.attributes = this.#attributes;
    }
    this.#builder.pushSpans(row);
    this.#idLines.imported(line);
    return true;
  }

  #span(record: CsvRecord, index: number, into: TextSpan): void {
    const c = this.#cells;
    c.selectText(record, index);
    into.set(c.source, c.from, c.to);
  }

  finish(): AccountTable {
    return this.#builder.finish();
  }
}
