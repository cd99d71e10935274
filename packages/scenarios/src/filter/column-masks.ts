// Whole-column scans behind matchAccounts: each returns a Uint8Array with 1 where the row
// matches. Literals are resolved once (to dictionary codes, tier indices or UTF-8 bytes) so the
// per-row loop compares integers or numbers only.
import type { CategoryColumn, StringColumn } from '@tessera/core';
import type { CompareOp } from './filter-ast.js';

/** What a condition asks of a text-like column: equality with some values, or missingness. */
export type TextTest =
  | { readonly kind: 'oneOf'; readonly values: readonly string[]; readonly negated: boolean }
  | { readonly kind: 'isNull'; readonly negated: boolean };

/**
 * A dictionary-encoded column under a text test. A table indexed by code + 1 (slot 0 for
 * missing) answers every row, so `=`, `!=`, `in`, `not in` and `is null` share one loop.
 */
export function categoryMask(column: CategoryColumn, test: TextTest): Uint8Array {
  const answer = new Uint8Array(column.dictionary.length + 1);
  if (test.kind === 'isNull') {
    answer.fill(test.negated ? 1 : 0);
    answer[0] = test.negated ? 0 : 1;
  } else {
    // A missing value satisfies neither `in` nor `not in`: slot 0 stays 0.
    answer.fill(test.negated ? 1 : 0, 1);
    for (const value of test.values) {
      const code = column.codeOf(value);
      if (code >= 0) answer[code + 1] = test.negated ? 0 : 1;
    }
  }
  return lookupCodes(column.codes, answer, 1);
}

/** `out[i] = answer[codes[i] + shift]`: the shared inner loop of coded columns. */
export function lookupCodes(
  codes: Int32Array | Uint8Array,
  answer: Uint8Array,
  shift: number,
): Uint8Array {
  const n = codes.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = answer[codes[i]! + shift]!;
  return out;
}

const encoder = new TextEncoder();

/**
 * A packed string column (ids, names) under a text test, compared as UTF-8 bytes so no row is
 * decoded. An empty string counts as missing, as in dictionary columns.
 */
export function stringMask(column: StringColumn, test: TextTest): Uint8Array {
  const { bytes, offsets } = column;
  const n = column.length;
  const out = new Uint8Array(n);
  if (test.kind === 'isNull') {
    const whenMissing = test.negated ? 0 : 1;
    for (let i = 0; i < n; i++)
      out[i] = offsets[i + 1] === offsets[i] ? whenMissing : 1 - whenMissing;
    return out;
  }
  const byLength = new Map<number, Uint8Array[]>();
  for (const value of test.values) {
    const encoded = encoder.encode(value);
    if (encoded.length === 0) continue;
    const list = byLength.get(encoded.length);
    if (list) list.push(encoded);
    else byLength.set(encoded.length, [encoded]);
  }
  const hit = test.negated ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const length = offsets[i + 1]! - start;
    if (length === 0) continue;
    const candidates = byLength.get(length);
    let found = false;
    if (candidates) {
      for (const candidate of candidates) {
        let k = 0;
        while (k < length && bytes[start + k] === candidate[k]) k++;
        if (k === length) {
          found = true;
          break;
        }
      }
    }
    out[i] = found ? hit : 1 - hit;
  }
  return out;
}

/** A numeric column compared with a number; NaN (missing) satisfies no comparison, not even `!=`. */
export function measureCompareMask(values: Float64Array, op: CompareOp, x: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  // One loop per operator keeps the comparison out of the per-row path.
  switch (op) {
    case '=':
      for (let i = 0; i < n; i++) out[i] = values[i] === x ? 1 : 0;
      break;
    case '!=':
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        out[i] = v === v && v !== x ? 1 : 0;
      }
      break;
    case '<':
      for (let i = 0; i < n; i++) out[i] = values[i]! < x ? 1 : 0;
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = values[i]! <= x ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = values[i]! > x ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = values[i]! >= x ? 1 : 0;
      break;
  }
  return out;
}

/** `in` / `not in` over a numeric column; a missing value satisfies neither. */
export function measureInMask(
  values: Float64Array,
  list: readonly number[],
  negated: boolean,
): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const set = new Set(list);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === v) out[i] = set.has(v) !== negated ? 1 : 0;
  }
  return out;
}

/** `is null` / `is not null` over a numeric column. */
export function measureNullMask(values: Float64Array, negated: boolean): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const whenMissing = negated ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v === v ? 1 - whenMissing : whenMissing;
  }
  return out;
}
