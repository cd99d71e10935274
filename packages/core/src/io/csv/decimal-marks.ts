import { isAmbiguousGrouping, parseGroupedNumber, parseNumber } from './parse-number.js';

/**
 * Reads amounts (every measure but coordinates) the way the file writes numbers, thousands
 * separators included, and keeps one file to one reading of its dots: a decimal-comma
 * (semicolon) file reads `12.000` as 12000, so once it has also written `1.5` with a decimal
 * point, one of the two must be wrong and the later one is refused, naming the earlier.
 */
export class DecimalMarks {
  readonly #decimalComma: boolean;
  #groupedAt: { line: number; cell: string } | null = null;
  #pointAt: { line: number; cell: string } | null = null;
  /** Why the last amount read was NaN, when there is more to say than "is not a number". */
  problem: string | null = null;

  constructor(decimalComma: boolean) {
    this.#decimalComma = decimalComma;
  }

  /** A coordinate: no thousands separators (`45,123` in a semicolon file is 45.123). */
  coordinate(cell: string): number {
    this.problem = null;
    return parseNumber(cell, this.#decimalComma);
  }

  amount(cell: string, line: number): number {
    this.problem = null;
    if (!this.#decimalComma) {
      const value = parseNumber(cell, false);
      return Number.isNaN(value) && cell.includes(',') ? parseGroupedNumber(cell, false) : value;
    }
    if (!cell.includes('.')) return parseNumber(cell, true);
    const grouped = parseGroupedNumber(cell, true);
    if (!Number.isNaN(grouped)) {
      if (!isAmbiguousGrouping(cell)) return grouped;
      this.#groupedAt ??= { line, cell };
      const point = this.#pointAt;
      if (point === null) return grouped;
      this.problem = `reads as ${grouped} ("." groups thousands in a semicolon file), but line ${point.line} has "${point.cell}" with a decimal point: write numbers one way (1.234,5 or 1234,5)`;
      return Number.NaN;
    }
    const value = parseNumber(cell, true);
    if (Number.isNaN(value)) return value;
    this.#pointAt ??= { line, cell };
    const thousands = this.#groupedAt;
    if (thousands === null) return value;
    this.problem = `has a decimal point, but line ${thousands.line} has "${thousands.cell}", read with "." grouping thousands as in a semicolon file: write numbers one way (1.234,5 or 1234,5)`;
    return Number.NaN;
  }
}
