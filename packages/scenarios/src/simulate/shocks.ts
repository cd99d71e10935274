import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { createRandom } from '@tessera/core';

/** log2 of the inverse-CDF table size: a 12-bit slice of a random word picks an entry. */
export const TABLE_BITS = 12;
export const TABLE_SIZE = 1 << TABLE_BITS;
/** Shift that turns a uint32 into a table index (its top {@link TABLE_BITS} bits). */
export const TABLE_SHIFT = 32 - TABLE_BITS;

/**
 * Standard normal quantiles at the midpoints (j + ½) / K, rescaled to variance exactly 1.
 * A draw is one table look-up instead of a logarithm, a square root and a cosine.
 */
export function normalTable(): Float64Array {
  const table = new Float64Array(TABLE_SIZE);
  let sumSquares = 0;
  for (let j = 0; j < TABLE_SIZE / 2; j++) {
    const z = normalQuantile((j + 0.5) / TABLE_SIZE, 0, 1);
    table[j] = z;
    table[TABLE_SIZE - 1 - j] = -z; // exact symmetry: the table's mean is exactly 0
    sumSquares += 2 * z * z;
  }
  const scale = 1 / Math.sqrt(sumSquares / TABLE_SIZE);
  for (let j = 0; j < TABLE_SIZE; j++) table[j]! *= scale;
  return table;
}

/**
 * Mean-one lognormal quantiles exp(σ·z − σ²/2) at the midpoints, rescaled so the table's mean
 * is exactly 1: expected revenue is then unbiased whatever the table's resolution.
 */
export function lognormalTable(sigma: number, normals: Float64Array = normalTable()): Float64Array {
  const table = new Float64Array(TABLE_SIZE);
  let sum = 0;
  for (let j = 0; j < TABLE_SIZE; j++) {
    const value = Math.exp(sigma * normals[j]! - (sigma * sigma) / 2);
    table[j] = value;
    sum += value;
  }
  const scale = TABLE_SIZE / sum;
  for (let j = 0; j < TABLE_SIZE; j++) table[j]! *= scale;
  return table;
}

/** The four 32-bit words every stream of one simulation starts from, drawn from its seed. */
export function seedWords(seed: string | number): Uint32Array {
  const random = createRandom(seed);
  // int(2^32) is exactly the generator's next uint32.
  return Uint32Array.from({ length: 4 }, () => random.int(4294967296));
}

/** What a stream belongs to: the same key under two kinds gives unrelated streams. */
export const STREAM_ACCOUNT = 0x1b873593;
export const STREAM_INDUSTRY = 0x27d4eb2f;
export const STREAM_REGION = 0x165667b1;
export const STREAM_SEGMENT = 0x61c88647;

/** Murmur3's finaliser: every input bit reaches every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a byte range, finalised: the first half of an account's 64-bit key. */
export function hashBytes(bytes: Uint8Array, from: number, to: number, basis: number): number {
  let h = basis;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return mix32(h ^ (to - from));
}

/** The same hash over a string's UTF-16 code units (dictionary values). */
export function hashString(text: string, basis: number): number {
  let h = basis;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return mix32(h ^ text.length);
}

export const HASH_BASIS_A = 0x811c9dc5;
export const HASH_BASIS_B = 0x9e3779b9;

/**
 * A tiny sfc32 stream keyed by (seed words, kind, 64-bit key): the shocks of an account (or a
 * segment) depend on the seed and its id only, never on the plan or the table's row order,
 * which is what makes two plans' draws paired. The kernel inlines the same steps in its hot
 * loop; this class serves the cold paths (segment rows, tests).
 */
export class KeyedStream {
  a: number;
  b: number;
  c: number;
  d: number;

  constructor(words: Uint32Array, kind: number, key1: number, key2: number) {
    this.a = (words[0]! ^ key1) | 0;
    this.b = (words[1]! ^ key2) | 0;
    this.c = (words[2]! ^ kind) | 0;
    this.d = words[3]! | 0;
    for (let k = 0; k < 12; k++) this.next();
  }

  /** The next uint32, as a signed int32 (use `>>> 0` or a shift to read it). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t;
  }
}
