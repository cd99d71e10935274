import { describe, expect, it } from 'vitest';
import { CsvImportError } from './import-error.js';
import { countBreaks, readCsvRows, type ReadCsvOptions } from './read-csv-rows.js';

async function read(
  input: Parameters<typeof readCsvRows>[0],
  options?: ReadCsvOptions,
): Promise<{ rows: string[][]; lines: number[]; faults: [number, string][]; delimiter: string }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const faults: [number, string][] = [];
  let delimiter = '';
  for await (const batch of readCsvRows(input, options)) {
    delimiter = batch.dialect.delimiter;
    for (const [r, reason] of batch.faults ?? []) faults.push([lines.length + r, reason]);
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  }
  return { rows, lines, faults, delimiter };
}

/** Feeds bytes in chunks of 1, 2, … 7 bytes, cycling: boundaries land everywhere. */
async function* byteChunks(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let k = 0;
  for (let at = 0; at < bytes.length;) {
    const size = sizes[k++ % sizes.length]!;
    await Promise.resolve();
    yield bytes.slice(at, at + size);
    at += size;
  }
}

const TRICKY =
  '\uFEFFid,name,note\r\n' +
  'a1,"Smith, Jones & Co",plain\r\n' +
  'a2,"He said ""hi""","two\r\nlines"\r\n' +
  '\r\n' +
  'a3,Zoë Ünïcødé 北京 🚀,"three\nmixed\r\nbreaks"\r\n' +
  'a4,"",""\r\n' +
  'a5,"a ""quoted"" ""word""",end\r\n';

describe('readCsvRows', () => {
  it('splits records and gives each the physical line it starts on', async () => {
    const { rows, lines } = await read(TRICKY);
    expect(rows).toEqual([
      ['id', 'name', 'note'],
      ['a1', 'Smith, Jones & Co', 'plain'],
      ['a2', 'He said "hi"', 'two\r\nlines'],
      ['a3', 'Zoë Ünïcødé 北京 🚀', 'three\nmixed\r\nbreaks'],
      ['a4', '', ''],
      ['a5', 'a "quoted" "word"', 'end'],
    ]);
    expect(lines).toEqual([1, 2, 3, 6, 9, 10]);
  });

  it('gives the same records and lines for any chunking of the bytes', async () => {
    const bytes = new TextEncoder().encode(TRICKY);
    const whole = await read(TRICKY);
    for (let size = 1; size <= 7; size++) {
      const chunked = await read(byteChunks(bytes, [size]), { blockChars: 1 });
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.lines).toEqual(whole.lines);
    }
    const mixed = await read(byteChunks(bytes, [1, 2, 3, 4, 5, 6, 7]), { blockChars: 1 });
    expect(mixed.rows).toEqual(whole.rows);
    expect(mixed.lines).toEqual(whole.lines);
  });

  it('cuts blocks only between records when text comes as strings', async () => {
    const text = TRICKY.repeat(1).slice(1);
    const whole = await read(text);
    for (let size = 1; size <= 7; size++) {
      const pieces: string[] = [];
      for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
      const chunked = await read(pieces, { blockChars: 3 });
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.lines).toEqual(whole.lines);
    }
  });

  it('reads LF, CRLF and CR files alike, with or without a final line break', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      for (const end of ['', nl]) {
        const { rows, lines } = await read(`id,x${nl}1,"a${nl}b"${nl}2,c${end}`);
        expect(rows).toEqual([
          ['id', 'x'],
          ['1', `a${nl}b`],
          ['2', 'c'],
        ]);
        expect(lines).toEqual([1, 2, 4]);
      }
    }
  });

  it('drops a "\\r" left by a CRLF line in an LF file', async () => {
    const { rows } = await read('id,x\n1,a\r\n2,b\n');
    expect(rows).toEqual([
      ['id', 'x'],
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('skips blank lines and rows of bare delimiters but counts their lines', async () => {
    const { rows, lines } = await read('\n\nid,x\n\n1,a\n , \n,,\n2,b\n\n');
    expect(rows).toEqual([
      ['id', 'x'],
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(lines).toEqual([3, 5, 8]);
  });

  it('detects semicolon- and tab-delimited files from the header line', async () => {
    const semi = await read('id;name;skills\n1;"Müller; GmbH";"a:b;c:d"\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows[1]).toEqual(['1', 'Müller; GmbH', 'a:b;c:d']);
    const tab = await read('id\tname\n1\tx, y\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[1]).toEqual(['1', 'x, y']);
    const comma = await read('id,skills\n1,a:b;c:d\n');
    expect(comma.delimiter).toBe(',');
    expect(comma.rows[1]).toEqual(['1', 'a:b;c:d']);
  });

  it('reports malformed quotes against the record', async () => {
    const { rows, faults } = await read('id,x\n1,"ab"c",z\n2,ok\n');
    expect(rows[2]).toEqual(['2', 'ok']);
    expect(faults).toEqual([[1, expect.stringContaining('stray quote') as string]]);
    const open = await read('id,x\n1,ok\n2,"never closed\n3,x\n');
    expect(open.faults).toEqual([[2, expect.stringContaining('never closed') as string]]);
  });

  it('treats a quote inside an unquoted field as text', async () => {
    const { rows, faults } = await read('id,x\n1,5" screen\n2,b\n', { blockChars: 1 });
    expect(rows).toEqual([
      ['id', 'x'],
      ['1', '5" screen'],
      ['2', 'b'],
    ]);
    expect(faults).toEqual([]);
  });

  it('yields nothing for an empty or blank input', async () => {
    expect((await read('')).rows).toEqual([]);
    expect((await read('\uFEFF')).rows).toEqual([]);
    expect((await read('\n \r\n')).rows).toEqual([]);
    expect((await read(new Uint8Array(0))).rows).toEqual([]);
  });

  it('rejects bytes that are not UTF-8 with the line, column and character they are on', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,name\n1,'), 0xe9, 0x0a]);
    const error = await read(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).message).toBe(
      'line 2, column "name": is not valid UTF-8 text: byte 0xE9 at character 3 of the line (save the file as UTF-8)',
    );
  });

  it('places a bad byte deep in a file whatever the blocks and chunks', async () => {
    const encoder = new TextEncoder();
    // Line 501 holds a Latin-1 "é" after a quoted field with a line break on lines 3-4.
    let text = 'id,name,city\n1,"two\nlines",x\n';
    for (let line = 4; line < 501; line++) text += `${line},n${line},c\n`;
    text += '\n'; // a blank line (501) before the bad one
    const bytes = new Uint8Array([
      ...encoder.encode(`${text}502,Ren`),
      0xe9,
      ...encoder.encode(',Lyon\n503,b,c\n'),
    ]);
    const expected =
      'line 502, column "name": is not valid UTF-8 text: byte 0xE9 at character 8 of the line (save the file as UTF-8)';
    async function* pieces(size: number): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += size) {
        await Promise.resolve();
        yield bytes.slice(at, at + size);
      }
    }
    for (const [input, blockChars] of [
      [bytes, undefined],
      [bytes, 64],
      [pieces(1), 100],
      [pieces(7), 16],
    ] as const) {
      const error = await read(input, blockChars ? { blockChars } : {}).catch((e: unknown) => e);
      expect((error as CsvImportError).message).toBe(expected);
    }
  });

  it('blames the header line for a bad byte in it, and a byte cut short at the end', async () => {
    const header = new Uint8Array([0x69, 0x64, 0xff, 0x2c, 0x78, 0x0a]);
    expect(await read(header).catch((e: unknown) => (e as Error).message)).toBe(
      'line 1: is not valid UTF-8 text: byte 0xFF at character 3 of the line (save the file as UTF-8)',
    );
    const cut = new Uint8Array([...new TextEncoder().encode('id\r\n\r\nab'), 0xe5, 0x8c]);
    expect(await read(cut).catch((e: unknown) => (e as Error).message)).toBe(
      'line 3, column "id": is not valid UTF-8 text: byte 0xE5 at character 3 of the line (save the file as UTF-8)',
    );
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read('id\n1\n', { signal: controller.signal })).rejects.toThrow();
  });
});

describe('countBreaks', () => {
  it('counts LF, CRLF and lone CR once each', () => {
    expect(countBreaks('a\nb\r\nc\rd')).toBe(3);
    expect(countBreaks('abc')).toBe(0);
    expect(countBreaks('\r\n\r\n')).toBe(2);
  });
});
