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
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) {
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let point = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (point) fraction++;
    } else if (!point && (c === 46 || (decimalComma && c === 44))) {
      point = true;
    } else {
      return parseSlow(text, decimalComma);
    }
  }
  if (digits === 0 || digits > 15) return parseSlow(text, decimalComma);
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  return negative ? -value : value;
}

function parseSlow(text: string, decimalComma: boolean): number {
  const normal = decimalComma && !text.includes('.') ? text.replace(',', '.') : text;
  if (!DECIMAL.test(normal)) return Number.NaN;
  const value = Number(normal);
  return Number.isFinite(value) ? value : Number.NaN;
}
