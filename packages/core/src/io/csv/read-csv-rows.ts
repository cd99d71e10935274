import Papa from 'papaparse';
import { CsvBlock } from './csv-block.js';
import { detectDialect, type CsvDialect } from './csv-dialect.js';
import { CsvImportError } from './import-error.js';
import type { CsvInput } from './import-types.js';
import { RecordScanner } from './record-scanner.js';
import { NotUtf8Error, textChunks } from './text-chunks.js';
import { countBreaksIn, tokenArrays, tokenizeBlock, type TokenArrays } from './tokenize-block.js';

/** A block of records as strings, each with the line it starts on. */
export interface CsvRowBatch {
  dialect: CsvDialect;
  /** Records in file order, blank lines left out; the very first record of a file is its header. */
  rows: string[][];
  /** The 1-based physical line where each record starts. */
  lines: number[];
  /** Records found malformed (a stray or unterminated quote), by index in `rows`. */
  faults: Map<number, string> | null;
}

export interface ReadCsvOptions {
  signal?: AbortSignal | undefined;
  /** Text gathered before a block is parsed; small values exist for tests of chunk boundaries. */
  blockChars?: number;
}

// About a read stream's chunk: a block is then the unfinished record before it plus one chunk.
const BLOCK_CHARS = 1 << 16;

/** {@link readCsvBlocks} with every record made into strings. */
export async function* readCsvRows(
  input: CsvInput,
  options: ReadCsvOptions = {},
): AsyncGenerator<CsvRowBatch, void, undefined> {
  for await (const { dialect, block } of readCsvBlocks(input, options)) {
    const rows: string[][] = [];
    for (let r = 0; r < block.length; r++) rows.push(block.row(r));
    yield {
      dialect,
      rows,
      lines: Array.from(block.lines.subarray(0, block.length)),
      faults: block.faults,
    };
  }
}

/**
 * Reads CSV records block by block from any {@link CsvInput}: text is gathered until about
 * `blockChars` characters are buffered, cut after the last record that ends outside quotes, and
 * that block is split into field offsets (header handling stays with the caller). Memory stays
 * at a block or two however large the file is, and the line number of every record is exact
 * even when quoted fields hold line breaks. A block's arrays are reused for the next one: read
 * each block before asking for the next.
 */
export async function* readCsvBlocks(
  input: CsvInput,
  options: ReadCsvOptions = {},
): AsyncGenerator<{ dialect: CsvDialect; block: CsvBlock }, void, undefined> {
  const blockChars = options.blockChars ?? BLOCK_CHARS;
  const signal = options.signal;
  let buffer = '';
  let line = 1;
  let dialect: CsvDialect | null = null;
  let scanner: RecordScanner | null = null;
  let header: readonly string[] | null = null;
  const scratch = tokenArrays();

  const chunks = textChunks(input);
  for (;;) {
    let next: IteratorResult<string, void>;
    try {
      next = await chunks.next();
    } catch (error) {
      if (error instanceof NotUtf8Error) {
        throw notUtf8(error, { text: buffer + error.before, line, dialect, header });
      }
      throw error;
    }
    signal?.throwIfAborted();
    if (next.done) break;
    // A big piece (a whole-file string arrives in 1 MB ones) is taken a block at a time: text
    // joined to the unfinished record before it is copied into one string, and small strings
    // are far cheaper to make than large ones.
    const chunk = next.value;
    const step = Math.max(blockChars, BLOCK_CHARS);
    for (let at = 0; at < chunk.length; at += step) {
      let piece = chunk.length <= step ? chunk : chunk.slice(at, at + step);
      // Whether the piece is to be cut now whatever its size (it ends a joined block).
      let force = false;
      if (
        dialect !== null &&
        buffer !== '' &&
        buffer.length < piece.length &&
        buffer.length + piece.length >= blockChars
      ) {
        // The unfinished record before the piece is finished with as little of the piece as
        // will do, so the rest of the piece is cut out of it rather than copied into a string
        // joined to that record: the copy, and the garbage it leaves, were a good part of the
        // reading time.
        const nl = dialect.newline.length;
        const joined = joinUntilBreak(buffer, piece, dialect);
        const restAt = joined.cut + nl - buffer.length;
        if (joined.cut < 0 || restAt < 0) {
          // No record ends in the piece (a long quoted field): the joined text is the buffer.
          buffer = joined.text;
          scanner = joined.scanner;
          if (joined.cut < 0) continue;
          const block = parseBlock(buffer.slice(0, joined.cut), line, dialect, scratch);
          line = block.nextLine;
          buffer = buffer.slice(joined.cut + nl);
          scanner.consumed(joined.cut + nl);
          if (block.length > 0) {
            header ??= block.row(0);
            yield { dialect, block };
          }
          continue;
        }
        const block = parseBlock(joined.text.slice(0, joined.cut), line, dialect, scratch);
        line = block.nextLine;
        if (block.length > 0) {
          header ??= block.row(0);
          yield { dialect, block };
        }
        buffer = '';
        scanner = new RecordScanner(dialect);
        piece = piece.slice(restAt);
        force = true;
        if (piece === '') continue;
      }
      buffer = buffer === '' ? piece : buffer + piece;
      if (dialect === null) {
        dialect = detectDialect(buffer, false);
        if (dialect === null) continue;
        scanner = new RecordScanner(dialect);
      }
      if ((buffer.length < blockChars && !force) || scanner === null) continue;
      const cut = scanner.scan(buffer);
      if (cut < 0) continue;
      const block = parseBlock(buffer.slice(0, cut), line, dialect, scratch);
      line = block.nextLine;
      buffer = buffer.slice(cut + dialect.newline.length);
      scanner.consumed(cut + dialect.newline.length);
      if (block.length > 0) {
        header ??= block.row(0);
        yield { dialect, block };
      }
    }
  }

  if (buffer.trim() === '') return;
  dialect ??= detectDialect(buffer, true);
  if (dialect === null) return;
  scanner ??= new RecordScanner(dialect);
  // A final line break ends the last record; it does not start an empty one.
  const cut = scanner.scan(buffer);
  const nl = dialect.newline;
  const text = cut >= 0 && cut === buffer.length - nl.length ? buffer.slice(0, cut) : buffer;
  const block = parseBlock(text, line, dialect, scratch);
  if (block.length > 0) yield { dialect, block };
}

/**
 * `tail` (the start of a record) joined to as much of the start of `piece` as it takes for a
 * record to end after the tail, a growing part at a time: the text, its last record break
 * (-1 when there is none even with the whole piece) and the scanner that read it.
 */
function joinUntilBreak(
  tail: string,
  piece: string,
  dialect: CsvDialect,
): { text: string; cut: number; scanner: RecordScanner } {
  for (let take = 1024; ; take *= 4) {
    const taken = Math.min(take, piece.length);
    const text = tail + piece.slice(0, taken);
    const scanner = new RecordScanner(dialect);
    const cut = scanner.scan(text);
    if ((cut >= 0 && cut + dialect.newline.length >= tail.length) || taken === piece.length) {
      return { text, cut, scanner };
    }
  }
}

/**
 * The error for a byte that is not UTF-8, placed by the text read before it: `text` runs from
 * a record boundary on `line` up to the bad byte. It names the physical line, the column the
 * byte falls in (once the header is known) and the character on the line.
 */
function notUtf8(
  fault: NotUtf8Error,
  at: {
    text: string;
    line: number;
    dialect: CsvDialect | null;
    header: readonly string[] | null;
  },
): CsvImportError {
  const { text } = at;
  const lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  // Characters as an editor counts them: code points, not UTF-16 units.
  const character = Array.from(text.slice(lineStart)).length + 1;
  let column: string | null = null;
  // A fault in the first text decoded comes before the reader has seen the header line.
  const dialect = at.dialect ?? detectDialect(text, false);
  if (dialect) {
    // The records so far, the last one unfinished: the bad byte is in its last field. Before
    // the first block is handed on, the text still starts with the header.
    const rows = Papa.parse<string[]>(text, {
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      quoteChar: '"',
    }).data.filter((row, r, all) => r === all.length - 1 || !isBlank(row));
    const header = at.header ?? (rows.length > 1 ? rows[0]! : null);
    const fields = rows[rows.length - 1]?.length ?? 1;
    const name = header?.[fields - 1]?.trim();
    column = name === undefined || name === '' ? null : name;
  }
  const byte = fault.byte.toString(16).toUpperCase().padStart(2, '0');
  return new CsvImportError([
    {
      line: at.line + countBreaks(text),
      column,
      value: null,
      reason: `is not valid UTF-8 text: byte 0x${byte} at character ${character} of the line (save the file as UTF-8)`,
      severity: 'error',
    },
  ]);
}

/** Parses text holding whole records (no trailing line break) that starts on line `first`. */
function parseBlock(
  text: string,
  first: number,
  dialect: CsvDialect,
  scratch: TokenArrays,
): CsvBlock {
  // An empty block is one blank line (papaparse would return no record for it at all).
  if (text === '') return CsvBlock.fromRows([], [], null, first + 1);
  return tokenizeBlock(text, first, dialect, scratch) ?? parseWithPapaparse(text, first, dialect);
}

/**
 * A block with a malformed quote: papaparse reads it, and its recovery decides the records.
 * Exported as the reference the tokeniser is tested against.
 */
export function parseWithPapaparse(text: string, first: number, dialect: CsvDialect): CsvBlock {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const all = parsed.data;
  let faults: Map<number, string> | null = null;
  if (parsed.errors.length > 0) {
    faults = new Map();
    for (const error of parsed.errors) {
      faults.set(
        error.row ?? 0,
        error.code === 'MissingQuotes'
          ? 'has a quoted field that is never closed'
          : 'has a stray quote inside a quoted field (write a quote inside quotes as "")',
      );
    }
  }
  if (dialect.newline === '\n') {
    // A "\r\n" line in an "\n" file (files glued together): the "\r" is not data.
    for (const row of all) {
      const last = row[row.length - 1]!;
      if (last.charCodeAt(last.length - 1) === 13) row[row.length - 1] = last.slice(0, -1);
    }
  }
  // Records span one line each unless a quoted field holds a line break: only then is it
  // worth looking inside the fields.
  const spans =
    text.includes('"') && countBreaks(text) !== all.length - 1 ? recordSpans(all) : null;
  const rows: string[][] = [];
  const lines: number[] = [];
  const kept: Map<number, string> | null = faults ? new Map() : null;
  let at = first;
  for (let r = 0; r < all.length; r++) {
    const row = all[r]!;
    const start = at;
    at += spans ? spans[r]! : 1;
    const fault = faults?.get(r);
    if (fault === undefined && isBlank(row)) continue;
    if (fault !== undefined) kept!.set(rows.length, fault);
    rows.push(row);
    lines.push(start);
  }
  return CsvBlock.fromRows(rows, lines, kept, at);
}

/** A record with nothing in it: an empty line, or only delimiters and spaces. */
function isBlank(row: readonly string[]): boolean {
  const head = row[0]!;
  if (head !== '' && head.charCodeAt(0) > 32) return false;
  for (const field of row) if (field.trim() !== '') return false;
  return true;
}

/** Physical line breaks in text: `\n`, `\r\n` and a lone `\r` each count once. */
export function countBreaks(text: string): number {
  return countBreaksIn(text, 0, text.length);
}

function recordSpans(rows: readonly (readonly string[])[]): number[] {
  return rows.map((row) => {
    let span = 1;
    for (const field of row) {
      if (field.includes('\n') || field.includes('\r')) span += countBreaks(field);
    }
    return span;
  });
}
