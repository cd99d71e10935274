import { describe, expect, it } from 'vitest';
import { CsvImportError } from './import-error.js';
import { importRecords, type RecordSink } from './import-records.js';

/** A sink that keeps records whose first field is not "bad". */
function collect(seen: [number, string[]][]): () => RecordSink<number> {
  return () => ({
    accept: (fields, line) => {
      seen.push([line, [...fields]]);
      return fields[0] !== 'bad';
    },
    finish: () => seen.length,
  });
}

describe('importRecords', () => {
  it('hands the sink every record after the header, with its line', async () => {
    const seen: [number, string[]][] = [];
    const result = await importRecords('a,b\n1,2\n\nbad,3\n', {}, collect(seen));
    expect(seen).toEqual([
      [2, ['1', '2']],
      [4, ['bad', '3']],
    ]);
    expect([result.rowsRead, result.rowsImported]).toEqual([2, 1]);
  });

  it('rejects records wider than the header but accepts narrower ones', async () => {
    const seen: [number, string[]][] = [];
    const error = await importRecords('a,b\n1\n1,2,3\n', {}, collect(seen)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).message).toBe(
      'line 3: the record has 3 fields but the header has 2',
    );
    expect(seen).toEqual([[2, ['1']]]);
  });

  it('reports malformed records and a malformed header', async () => {
    const error = await importRecords('a,b\n1,"x"y",z\n', { skipInvalid: true }, collect([]));
    expect(error.log.issues()[0]!.reason).toContain('stray quote');
    await expect(importRecords('"a\n', {}, collect([]))).rejects.toThrow(
      'the header row has a quoted field',
    );
  });

  it('throws "the file is empty" when there is no header', async () => {
    await expect(importRecords(' \n', {}, collect([]))).rejects.toThrow(
      'line 1: the file is empty',
    );
  });
});
