import { CsvBlock } from './csv-block.js';
import type { CsvDialect } from './csv-dialect.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Splits a block of whole records (no trailing line break) into field offsets in one pass over
 * its characters, reading quotes as papaparse does: a quote opens a quoted field only as the
 * field's first character; inside, `""` is a quote, and a quote closes the field when a delimiter
 * or line break follows it (after optional spaces or tabs) or when it ends the text.
 *
 * Returns null when the block has a quote papaparse would call malformed (one that closes
 * nothing, or a field never closed): the caller then hands the block to papaparse, whose
 * recovery and error rows stay the reference. `first` is the line the block starts on.
 */
export function tokenizeBlock(
  text: string,
  first: number,
  dialect: CsvDialect,
  scratch?: TokenArrays,
): CsvBlock | null {
  const n = text.length;
  const delim = dialect.delimiter.charCodeAt(0);
  const newline = dialect.newline;
  const nl0 = newline.charCodeAt(0);
  const nlLength = newline.length;
  const crlf = nlLength === 2;
  // A "\r\n" line in a "\n" file (files glued together): the "\r" is not data.
  const stripCr = newline === '\n';
  // Without a quote no field can hold a line break: every record is one line (as before, a
  // stray "\r" in a "\n" file does not count as one then).
  const quoted = text.indexOf('"') >= 0;

  const hasCr = quoted && text.indexOf('\r') >= 0;

  let capacity = 64 + (n >> 3);
  let recordCapacity = 16 + (n >> 6);
  let starts: Int32Array<ArrayBuffer>;
  let ends: Int32Array<ArrayBuffer>;
  let escaped: Uint8Array<ArrayBuffer>;
  let firstField: Int32Array<ArrayBuffer>;
  let lines: Int32Array<ArrayBuffer>;
  // Each kept record's index among all records, blank ones included (see the end).
  let raws: Int32Array<ArrayBuffer>;
  if (scratch && scratch.starts.length >= capacity && scratch.lines.length >= recordCapacity) {
    capacity = scratch.starts.length;
    recordCapacity = scratch.lines.length;
    ({ starts, ends, escaped, firstField, lines, raws } = scratch);
  } else {
    starts = new Int32Array(capacity);
    ends = new Int32Array(capacity);
    escaped = new Uint8Array(capacity);
    firstField = new Int32Array(recordCapacity + 1);
    lines = new Int32Array(recordCapacity);
    raws = new Int32Array(recordCapacity);
  }
  let f = 0;
  let r = 0;
  let line = first;
  let i = 0;
  let rawCount = 0;
  let spans = false; // whether some record spans more than one line
  // The next delimiter, line break, "\n" and "\r" at or after i (-1: none left; -2: not looked
  // for yet). Plain fields are cut with indexOf, which outruns a loop over their characters.
  let nextDelim = -2;
  let nextBreak = -2;
  let nextLf = -2;
  let nextCr = -2;

  for (;;) {
    const recordStart = i;
    const recordFirst = f;
    let ended = false; // by a line break (false: by the end of the text)
    for (;;) {
      if (f === capacity) {
        capacity *= 2;
        starts = grow32(starts, capacity);
        ends = grow32(ends, capacity);
        const e = new Uint8Array(capacity);
        e.set(escaped);
        escaped = e;
      }
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const start = i + 1;
        let q = start;
        let hasEscape = 0;
        let closedBy = -1; // the delimiter or line break after the closing quote; -1: text ends
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0) return null;
          if (q === n - 1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            hasEscape = 1;
            q += 2;
            continue;
          }
          let j = q + 1;
          for (;;) {
            if (j >= n) return null;
            const c = text.charCodeAt(j);
            if (c === delim || (c === nl0 && (!crlf || text.charCodeAt(j + 1) === LF))) break;
            if (c !== SPACE && c !== TAB) return null;
            j++;
          }
          closedBy = j;
          break;
        }
        escaped[f] = hasEscape;
        starts[f] = start;
        ends[f++] = q;
        if (closedBy < 0) {
          i = n;
          break;
        }
        if (text.charCodeAt(closedBy) === delim) {
          i = closedBy + 1;
          continue;
        }
        i = closedBy + nlLength;
        ended = true;
        break;
      }
      if (nextDelim !== -1 && nextDelim < i) nextDelim = text.indexOf(dialect.delimiter, i);
      if (nextBreak !== -1 && nextBreak < i) nextBreak = text.indexOf(newline, i);
      escaped[f] = 0;
      starts[f] = i;
      if (nextDelim >= 0 && (nextBreak < 0 || nextDelim < nextBreak)) {
        ends[f++] = nextDelim;
        i = nextDelim + 1;
        continue;
      }
      if (nextBreak >= 0) {
        ends[f++] = nextBreak;
        i = nextBreak + nlLength;
        ended = true;
        break;
      }
      ends[f++] = n;
      i = n;
      break;
    }

    const last = f - 1;
    if (stripCr && ends[last]! > starts[last]! && text.charCodeAt(ends[last]! - 1) === CR) {
      ends[last]!--;
    }
    let span = 1;
    rawCount++;
    if (quoted) {
      // A "\r" or "\n" inside the record (the stripped "\r" included: the count decides).
      const recordEnd = ended ? i - nlLength : n;
      if (nextLf !== -1 && nextLf < recordStart) nextLf = text.indexOf('\n', recordStart);
      let breaks = nextLf >= 0 && nextLf < recordEnd;
      if (!breaks && hasCr) {
        if (nextCr !== -1 && nextCr < recordStart) nextCr = text.indexOf('\r', recordStart);
        breaks = nextCr >= 0 && nextCr < recordEnd;
      }
      if (breaks) {
        for (let k = recordFirst; k < f; k++) span += countBreaksIn(text, starts[k]!, ends[k]!);
        if (span > 1) spans = true;
      }
    }
    if (isBlank(text, starts, ends, recordFirst, f)) {
      f = recordFirst;
    } else {
      if (r === recordCapacity) {
        recordCapacity *= 2;
        firstField = grow32(firstField, recordCapacity + 1);
        lines = grow32(lines, recordCapacity);
        raws = grow32(raws, recordCapacity);
      }
      firstField[r] = recordFirst;
      raws[r] = rawCount - 1;
      lines[r++] = line;
    }
    line += span;
    if (!ended) break;
  }
  firstField[r] = f;
  // As papaparse's reader always did: when the block's line breaks are as many as its records
  // less one, each record is one line ("\r" then "\n" across two records of a "\r" file, say).
  if (spans && countBreaksIn(text, 0, n) === rawCount - 1) {
    for (let k = 0; k < r; k++) lines[k] = first + raws[k]!;
    line = first + rawCount;
  }
  if (scratch) Object.assign(scratch, { starts, ends, escaped, firstField, lines, raws });
  return new CsvBlock({
    text,
    starts,
    ends,
    escaped,
    firstField,
    lines,
    length: r,
    faults: null,
    nextLine: line,
  });
}

/**
 * Arrays a reader hands from block to block so each block does not allocate its own: a block
 * made with them is good until the next one is read.
 */
export interface TokenArrays {
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  escaped: Uint8Array<ArrayBuffer>;
  firstField: Int32Array<ArrayBuffer>;
  lines: Int32Array<ArrayBuffer>;
  raws: Int32Array<ArrayBuffer>;
}

/** Empty {@link TokenArrays}, filled by the first block. */
export function tokenArrays(): TokenArrays {
  return {
    starts: new Int32Array(0),
    ends: new Int32Array(0),
    escaped: new Uint8Array(0),
    firstField: new Int32Array(0),
    lines: new Int32Array(0),
    raws: new Int32Array(0),
  };
}

function grow32(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(array.subarray(0, Math.min(array.length, size)));
  return out;
}

/** A record with nothing in it: an empty line, or only delimiters and white space. */
function isBlank(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  from: number,
  to: number,
): boolean {
  const s = starts[from]!;
  if (ends[from]! > s && text.charCodeAt(s) > 32) return false;
  for (let f = from; f < to; f++) {
    if (ends[f]! > starts[f]! && text.slice(starts[f], ends[f]).trim() !== '') return false;
  }
  return true;
}

/** Physical line breaks in `text[from, to)`: `\n`, `\r\n` and a lone `\r` each count once. */
export function countBreaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && (k + 1 >= to || text.charCodeAt(k + 1) !== LF)) count++;
  }
  return count;
}
