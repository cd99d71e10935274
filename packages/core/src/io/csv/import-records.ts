import { CsvRecord } from './csv-block.js';
import type { CsvDialect } from './csv-dialect.js';
import { headerError } from './import-error.js';
import type { CsvInput, ImportOptions } from './import-types.js';
import { IssueLog } from './issue-log.js';
import { readCsvBlocks } from './read-csv-rows.js';

/** Takes the records of one file, one at a time, into whatever it builds. */
export interface RecordSink<T> {
  /** Reads one record; returns whether it was imported (its problems are in the log). */
  accept(fields: readonly string[], line: number): boolean;
  /**
   * Reads one record from its block's field offsets, without a string per cell; when a sink
   * has it, it is called instead of `accept`. The record is a cursor: it moves on after the call.
   */
  acceptRecord?(record: CsvRecord, line: number): boolean;
  finish(): T;
}

/** What the sink for a file is opened with: its header row and the file's dialect. */
export interface SinkContext {
  header: readonly string[];
  dialect: CsvDialect;
  log: IssueLog;
}

export interface RecordImport<T> {
  value: T;
  log: IssueLog;
  rowsRead: number;
  rowsImported: number;
}

/**
 * The part every CSV import shares: read records block by block, take the first as the header,
 * reject records wider than the header or malformed, hand the rest to the sink, report progress,
 * honour the abort signal, and decide all-or-nothing at the end.
 */
export async function importRecords<T>(
  input: CsvInput,
  options: ImportOptions,
  open: (context: SinkContext) => RecordSink<T>,
): Promise<RecordImport<T>> {
  const { signal, onProgress, skipInvalid = false } = options;
  signal?.throwIfAborted();
  const log = new IssueLog();
  let sink: RecordSink<T> | null = null;
  let width = 0;
  let rowsRead = 0;
  let rowsImported = 0;

  let record: CsvRecord | null = null;
  for await (const { dialect, block } of readCsvBlocks(input, { signal })) {
    signal?.throwIfAborted();
    const { lines, faults } = block;
    let r = 0;
    if (sink === null) {
      const fault = faults?.get(0);
      if (fault !== undefined) throw headerError(null, `the header row ${fault}`, lines[0]);
      const header = block.row(0);
      sink = open({ header, dialect, log });
      width = header.length;
      r = 1;
    }
    record ??= new CsvRecord(block);
    const fast = sink.acceptRecord !== undefined;
    for (; r < block.length; r++) {
      rowsRead++;
      record.moveTo(block, r);
      const line = lines[r]!;
      const fault = faults?.get(r);
      if (fault !== undefined) {
        log.error(line, null, null, `the record ${fault}`);
      } else if (record.length > width) {
        log.error(
          line,
          null,
          null,
          `the record has ${record.length} fields but the header has ${width}`,
        );
      } else if (fast ? sink.acceptRecord!(record, line) : sink.accept(record.toArray(), line)) {
        rowsImported++;
      }
    }
    onProgress?.(rowsRead);
  }

  if (sink === null) throw headerError(null, 'the file is empty');
  if (log.errorCount > 0 && !skipInvalid) throw log.toError();
  return { value: sink.finish(), log, rowsRead, rowsImported };
}
