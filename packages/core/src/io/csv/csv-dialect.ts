/** How a file separates fields and records, read off its header line. */
export interface CsvDialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n' | '\r';
}

/**
 * Reads the dialect off the first non-blank line of `text`. Returns null when that line is not
 * complete yet (no line break seen, or a `\r` that may still be followed by `\n`) and more text
 * may come; with `final` set, whatever is there decides.
 *
 * Commas win; a header with semicolons and no commas makes a semicolon file (as spreadsheets
 * write them where the decimal mark is a comma); tabs only, a tab-separated file.
 */
export function detectDialect(text: string, final: boolean): CsvDialect | null {
  let start = 0;
  for (;;) {
    const lf = text.indexOf('\n', start);
    const cr = text.indexOf('\r', start);
    const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (end < 0 || (end === text.length - 1 && text.charCodeAt(end) === 13 && !final)) {
      if (!final) return null;
      if (end < 0) return { delimiter: delimiterOf(text.slice(start)), newline: '\n' };
    }
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      const newline =
        text.charCodeAt(end) === 10 ? '\n' : text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r';
      return { delimiter: delimiterOf(line), newline };
    }
    start = end + 1;
  }
}

function delimiterOf(line: string): CsvDialect['delimiter'] {
  const bare = line.replace(/"[^"]*"/g, '');
  if (bare.includes(',')) return ',';
  if (bare.includes(';')) return ';';
  if (bare.includes('\t')) return '\t';
  return ',';
}
