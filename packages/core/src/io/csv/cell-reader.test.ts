import { describe, expect, it } from 'vitest';
import { CellReader } from './cell-reader.js';
import { IssueLog } from './issue-log.js';

function reader(decimalComma = false): { cells: CellReader; log: IssueLog } {
  const log = new IssueLog();
  const cells = new CellReader(log, decimalComma);
  cells.line = 7;
  return { cells, log };
}

describe('CellReader', () => {
  it('trims cells and treats absent columns as empty', () => {
    const { cells } = reader();
    expect(cells.raw(['  a b  ', 'x'], 0)).toBe('a b');
    expect(cells.raw(['a'], 3)).toBe('');
    expect(cells.raw(['a'], -1)).toBe('');
  });

  it("removes the ' an export put before formula-like text", () => {
    const { cells } = reader();
    expect(cells.text(["'=1+1", "'-5", "'plain", "'"], 0)).toBe('=1+1');
    expect(cells.text(["'=1+1", "'-5", "'plain", "'"], 1)).toBe('-5');
    expect(cells.text(["'=1+1", "'-5", "'plain", "'"], 2)).toBe("'plain");
    expect(cells.text(["'=1+1", "'-5", "'plain", "'"], 3)).toBe("'");
  });

  it('reads measures with their range checks, logging against the line', () => {
    const { cells, log } = reader();
    expect(cells.measure([' 45.5 '], 0, 'lat', 'latitude')).toBe(45.5);
    expect(cells.measure([''], 0, 'lat', 'latitude')).toBeNaN();
    expect(cells.measure(['-90.5'], 0, 'lat', 'latitude')).toBeNaN();
    expect(cells.measure(['180'], 0, 'lon', 'longitude')).toBe(180);
    expect(cells.measure(['-0.01'], 0, 'workload', 'non-negative')).toBeNaN();
    expect(cells.measure(['-3'], 0, 'x', 'any')).toBe(-3);
    expect(log.issues().map((i) => [i.line, i.column, i.value, i.reason])).toEqual([
      [7, 'lat', '-90.5', 'is outside -90..90'],
      [7, 'workload', '-0.01', 'is negative'],
    ]);
  });

  it('reads decimal commas only in semicolon files', () => {
    expect(reader(true).cells.measure(['1,5'], 0, 'x', 'any')).toBe(1.5);
    const { cells, log } = reader(false);
    expect(cells.measure(['1,5'], 0, 'x', 'any')).toBeNaN();
    expect(log.errorCount).toBe(1);
  });

  it('reads flags in any case', () => {
    const { cells, log } = reader();
    const values = ['true', 'FALSE', '1', '0', 'Yes', 'no', '', 'y'];
    expect(values.map((v) => cells.flag([v], 0, 'locked'))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(log.issues().map((i) => i.value)).toEqual(['y']);
  });

  it('splits and normalises tags, rejecting the malformed', () => {
    const { cells, log } = reader();
    expect(cells.tags([' industry:retail ; lang : es;;'], 0, 'skills')).toEqual([
      'industry:retail',
      'lang:es',
    ]);
    expect(cells.tags(['lang:es:mx'], 0, 'skills')).toEqual(['lang:es:mx']);
    expect(cells.tags([''], 0, 'skills')).toEqual([]);
    expect(cells.tags(['a:b;nocolon'], 0, 'skills')).toEqual([]);
    expect(cells.tags([':x'], 0, 'skills')).toEqual([]);
    expect(log.errorCount).toBe(2);
  });

  it('checks that lat and lon come together', () => {
    const { cells, log } = reader();
    const labels = { lat: 'Latitude', lon: 'Longitude' };
    cells.pair(['1', '2'], 0, 1, labels);
    cells.pair(['', ''], 0, 1, labels);
    cells.pair(['1', ''], 0, 1, labels);
    cells.pair(['', '2'], 0, 1, labels);
    expect(log.issues().map((i) => [i.column, i.reason])).toEqual([
      ['Longitude', 'is empty while "Latitude" has a value'],
      ['Latitude', 'is empty while "Longitude" has a value'],
    ]);
  });
});
