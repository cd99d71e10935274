// 10^0 … 10^22: every one is exact in a double, which is what makes the fast path exact.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a CSV number cell: optional sign, digits, one decimal point, optional exponent.
 * Returns NaN for anything else (thousands separators, `0x1F`, `Infinity`, text, empty).
 * With `decimalComma` (semicolon-delimited files) a comma also works as the decimal point.
 *
 * Plain decimals of up to 15 digits take a fast path: the digits as one integer divided by an
 * exact power of ten is a single correctly rounded operation, so the result equals `Number(text)`
 * bit for bit without a regular expression or a second pass.
 */
export function parseNumber(text: string, decimalComma = false): number {
  return parseNumberIn(text, 0, text.length, decimalComma);
}

/** {@link parseNumber} of `text[start, end)`, read from its characters without a substring. */
export function parseNumberIn(
  text: string,
  start: number,
  end: number,
  decimalComma: boolean,
): number {
  let i = start;
  // -1 past the end: the text goes on (the next cell), so its length is no guard.
  let c = i < end ? text.charCodeAt(i) : -1;
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = ++i < end ? text.charCodeAt(i) : -1;
  }
  let mantissa = 0;
  let digits = 0;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = ++i < end ? text.charCodeAt(i) : -1;
  }
  let fraction = 0;
  if (c === 46 || (decimalComma && c === 44)) {
    c = ++i < end ? text.charCodeAt(i) : -1;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      fraction++;
      c = ++i < end ? text.charCodeAt(i) : -1;
    }
    digits += fraction;
  }
  if (i < end || digits === 0 || digits > 15)
    return parseSlow(text.slice(start, end), decimalComma);
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  return negative ? -value : value;
}

function parseSlow(text: string, decimalComma: boolean): number {
  const normal = decimalComma && !text.includes('.') ? text.replace(',', '.') : text;
  if (!DECIMAL.test(normal)) return Number.NaN;
  const value = Number(normal);
  return Number.isFinite(value) ? value : Number.NaN;
}

// Thousands in groups of three after a first group of 1–3 digits that is not 0, then an
// optional fraction; no exponent. A `.` groups in decimal-comma files, a `,` in the others.
const GROUPED_POINTS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?$/;
const GROUPED_COMMAS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;
const ONE_GROUP_POINT = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

/**
 * Parses a number written with thousands separators: `1.200,50` or `12.000` in a
 * decimal-comma file, `1,200.50` or `12,000` in a decimal-point file. NaN for anything else
 * (plain numbers included: {@link parseNumber} reads those).
 */
export function parseGroupedNumber(text: string, decimalComma: boolean): number {
  if (!(decimalComma ? GROUPED_POINTS : GROUPED_COMMAS).test(text)) return Number.NaN;
  const plain = decimalComma
    ? text.replaceAll('.', '').replace(',', '.')
    : text.replaceAll(',', '');
  return Number(plain);
}

/**
 * Whether a decimal-comma file's cell could as well be a decimal point: `12.000`, `1.234` (one
 * group of three, no comma). Such a cell is read as thousands, which a file that also writes
 * `1.5` contradicts.
 */
export function isAmbiguousGrouping(text: string): boolean {
  return ONE_GROUP_POINT.test(text);
}
