import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordScanner } from './record-scanner.js';

type Dialect = ConstructorParameters<typeof RecordScanner>[0];

const comma: Dialect = { delimiter: ',', newline: '\n' };

/** Feeds text to a scanner piece by piece and returns the absolute record ends it reports. */
function cuts(text: string, sizes: number[], dialect: Dialect = comma): number[] {
  const scanner = new RecordScanner(dialect);
  const out: number[] = [];
  let offset = 0;
  let buffer = '';
  let k = 0;
  for (let at = 0; at < text.length;) {
    const size = sizes[k++ % sizes.length]!;
    buffer += text.slice(at, at + size);
    at += size;
    const cut = scanner.scan(buffer);
    if (cut >= 0) {
      out.push(offset + cut);
      const drop = cut + dialect.newline.length;
      buffer = buffer.slice(drop);
      offset += drop;
      scanner.consumed(drop);
    }
  }
  return out;
}

function parse(text: string, dialect: Dialect): string[][] {
  return text === ''
    ? []
    : Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: dialect.newline }).data;
}

/** Whether parsing the text on either side of a cut gives the same records as the whole. */
function agrees(text: string, cut: number, dialect: Dialect = comma): boolean {
  const whole = parse(text, dialect);
  const halves = [
    ...parse(text.slice(0, cut), dialect),
    ...parse(text.slice(cut + dialect.newline.length), dialect),
  ];
  // Blank lines are no records to the reader (and a cut drops the line break that makes one).
  const trim = (rows: string[][]): string[][] => rows.filter((r) => r.length > 1 || r[0] !== '');
  return JSON.stringify(trim(whole)) === JSON.stringify(trim(halves));
}

describe('RecordScanner', () => {
  it('never cuts inside quotes and finds the last record end', () => {
    const text = 'id,x\n1,"a\nb"\n2,"say ""hi"""\n3,c\n';
    expect(cuts(text, [text.length])).toEqual([text.length - 1]);
    const all = cuts(text, [1]);
    for (const cut of all) expect(text[cut]).toBe('\n');
    expect(all).toEqual([4, 12, 27, 31]);
  });

  it('finds the same record ends as papaparse for random CSV, in any chunking', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', 'b c', '"q"', '"x,y"', '"l1\nl2"', '"say ""hi"""', '', 'é', '5" tv', '""'];
    for (let round = 0; round < 200; round++) {
      const records: string[] = [];
      for (let r = 0, n = 1 + rand(6); r < n; r++) {
        const fields: string[] = [];
        for (let f = 0, m = 1 + rand(4); f < m; f++) fields.push(pieces[rand(pieces.length)]!);
        records.push(fields.join(','));
      }
      const text = `${records.join('\n')}\n`;
      const size = 1 + rand(7);
      const got = cuts(text, [size]);
      // Every cut the scanner reports splits the text where papaparse also ends a record, and
      // the last one (the file's final line break) is always found.
      for (const cut of got)
        expect(agrees(text, cut), `cut ${cut} of ${JSON.stringify(text)}`).toBe(true);
      expect(got.at(-1)).toBe(text.length - 1);
    }
  });

  it('waits for the "\\n" of a "\\r\\n" split across chunks', () => {
    const dialect = { delimiter: ';', newline: '\r\n' } as const;
    const text = 'id;x\r\n1;"a\r\nb"\r\n2;c\r\n';
    expect(cuts(text, [1], dialect)).toEqual([4, 14, 19]);
    for (const cut of [4, 14, 19]) expect(agrees(text, cut, dialect)).toBe(true);
  });
});
