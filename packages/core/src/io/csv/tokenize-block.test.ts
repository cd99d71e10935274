import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvBlock } from './csv-block.js';
import type { CsvDialect } from './csv-dialect.js';
import { parseWithPapaparse } from './read-csv-rows.js';
import { tokenArrays, tokenizeBlock } from './tokenize-block.js';

const DIALECTS: CsvDialect[] = [
  { delimiter: ',', newline: '\n' },
  { delimiter: ',', newline: '\r\n' },
  { delimiter: ';', newline: '\r' },
  { delimiter: '\t', newline: '\n' },
];

interface Read {
  rows: string[][];
  lines: number[];
  nextLine: number;
}

function read(block: CsvBlock): Read {
  const rows: string[][] = [];
  for (let r = 0; r < block.length; r++) rows.push(block.row(r));
  return {
    rows,
    lines: Array.from(block.lines.subarray(0, block.length)),
    nextLine: block.nextLine,
  };
}

function tokens(text: string, dialect: CsvDialect = DIALECTS[0]!, first = 1): Read | null {
  const block = tokenizeBlock(text, first, dialect);
  return block && read(block);
}

describe('tokenizeBlock', () => {
  it('reads whatever papaparse reads without complaint the same way, lines included', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', ' ', '\t', ',', ';', '"', '""', '\n', '\r', '\r\n'), {
        minLength: 1,
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...DIALECTS), (csv, dialect) => {
        const ours = tokens(csv, dialect, 3);
        const reference = parseWithPapaparse(csv, 3, dialect);
        // null: a quote papaparse calls malformed, left to papaparse itself.
        if (ours === null) return reference.faults !== null || csv.includes('"');
        expect(reference.faults).toBeNull();
        expect(ours).toEqual(read(reference));
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('never falls back on CSV written with the usual quoting', () => {
    const cell = fc.string({
      unit: fc.constantFrom('x', 'é', ' ', ',', ';', '\t', '"', '\n', '\r'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...DIALECTS),
        (rows, dialect) => {
          const quote = (v: string): string =>
            /[",;\t\r\n]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v;
          const csv = rows
            .map((row) => row.map(quote).join(dialect.delimiter))
            .join(dialect.newline);
          const ours = tokens(csv, dialect);
          expect(ours).not.toBeNull();
          const blank = (row: string[]): boolean => row.every((v) => v.trim() === '');
          // A glued "\r\n" in a "\n" file loses its "\r": only the last cell of a row can end so.
          const expected = rows
            .map((row) =>
              dialect.newline === '\n'
                ? row.map((v, i) => (i === row.length - 1 ? v.replace(/\r$/, '') : v))
                : row,
            )
            .filter((row) => !blank(row));
          expect(ours!.rows).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('closes a quoted field before spaces and a delimiter, a line break or the end', () => {
    expect(tokens('"a" ,b\n"c"\t\n"d""e""",""\n"f"')!.rows).toEqual([
      ['a', 'b'],
      ['c'],
      ['d"e"', ''],
      ['f'],
    ]);
    expect(tokens('"a"\t"b"\t c ', DIALECTS[3])!.rows).toEqual([['a', 'b', ' c ']]);
  });

  it('counts the lines of CRLF records with line breaks inside quotes', () => {
    const ours = tokens('a,"x\r\ny"\r\n\r\nb,"1\n2\r3"\r\nc,d', DIALECTS[1], 5)!;
    expect(ours.rows).toEqual([
      ['a', 'x\r\ny'],
      ['b', '1\n2\r3'],
      ['c', 'd'],
    ]);
    expect(ours.lines).toEqual([5, 8, 11]);
    expect(ours.nextLine).toBe(12);
  });

  it('leaves a malformed quote to papaparse', () => {
    expect(tokens('id,x\n1,"a"b,c')).toBeNull();
    expect(tokens('id,x\n1,"abc')).toBeNull();
    expect(tokens('"a" ')).toBeNull();
  });

  it('reuses the arrays it is given from block to block', () => {
    const scratch = tokenArrays();
    const first = read(tokenizeBlock('a,b,c\n1,2,3', 1, DIALECTS[0]!, scratch)!);
    const startsArray = scratch.starts;
    const second = read(tokenizeBlock('d,"e"\n4', 3, DIALECTS[0]!, scratch)!);
    expect(first.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(second).toEqual({ rows: [['d', 'e'], ['4']], lines: [3, 4], nextLine: 5 });
    expect(scratch.starts).toBe(startsArray);
  });
});
