import { RepTableBuilder, type RepInput, type RepTable } from '../../table/rep-table.js';
import { CellReader } from './cell-reader.js';
import { REP_COLUMNS, requireCoordinatePair, resolveHeader } from './columns.js';
import { IdLines } from './id-lines.js';
import { importRecords, type RecordSink, type SinkContext } from './import-records.js';
import type { CsvInput, ImportOptions, ImportResult } from './import-types.js';

/**
 * Imports a reps CSV (see the CSV contract in the package README) into a RepTable.
 * All-or-nothing unless `skipInvalid` is set: any error throws a CsvImportError listing them.
 */
export async function importRepsCsv(
  input: CsvInput,
  options: ImportOptions = {},
): Promise<ImportResult<RepTable>> {
  const result = await importRecords(input, options, (context) => new RepSink(context));
  return {
    table: result.value,
    issues: result.log.issues(),
    issueCount: result.log.total,
    rowsRead: result.rowsRead,
    rowsImported: result.rowsImported,
  };
}

type RepColumn = keyof typeof REP_COLUMNS;

class RepSink implements RecordSink<RepTable> {
  readonly #builder = new RepTableBuilder();
  readonly #cells: CellReader;
  readonly #context: SinkContext;
  readonly #ix: Record<RepColumn, number>;
  readonly #label: Record<RepColumn, string>;
  readonly #extras: { index: number; name: string }[];
  readonly #idLines = new IdLines((id) => this.#builder.has(id));
  readonly #row: RepInput = { id: '' };
  readonly #attributes: Record<string, string> = {};

  constructor(context: SinkContext) {
    const header = resolveHeader(context.header, REP_COLUMNS, ['id']);
    requireCoordinatePair(header);
    this.#context = context;
    this.#cells = new CellReader(context.log, context.dialect.delimiter === ';');
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
    this.#idLines.check(log, line, label.id, id, 'rep');
    row.id = id;
    row.name = c.text(fields, ix.name);
    row.lat = c.measure(fields, ix.lat, label.lat, 'latitude');
    row.lon = c.measure(fields, ix.lon, label.lon, 'longitude');
    c.pair(fields, ix.lat, ix.lon, label);
    row.capacity = c.measure(fields, ix.capacity, label.capacity, 'non-negative');
    row.skills = c.tags(fields, ix.skills, label.skills);
    // A level is a number or a title; a title the ladder does not know is kept unranked,
    // never refused: most strategies do not read it.
    const level = c.numberOrText(fields, ix.level);
    row.level = typeof level === 'number' ? level : null;
    row.levelLabel = typeof level === 'string' ? level : null;
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

  finish(): RepTable {
    return this.#builder.finish();
  }
}
