import type { Pacer } from './pacer.js';

/**
 * The indexes 0..n-1 ordered by their 32-bit keys, ties in index order: a stable least
 * significant digit radix sort, one byte per pass. O(n) per pass and no comparator, and it
 * yields between passes, so a million keys never block the event loop for long.
 */
export async function sortIndexesByKey(keys: Uint32Array, pacer: Pacer): Promise<Uint32Array> {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  await pacer.pace();
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[order[i]!]! >>> shift) & 255]!++;
    await pacer.pace();
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      if ((i & 262143) === 262143) await pacer.pace();
      const index = order[i]!;
      spare[counts[(keys[index]! >>> shift) & 255]!++] = index;
    }
    [order, spare] = [spare, order];
    await pacer.pace();
  }
  return order;
}

/**
 * 32-bit keys that sort non-negative numbers from largest to smallest: the bits of a positive
 * float32 grow with its value, so their complement shrinks (float32 precision is plenty to
 * order accounts by size).
 */
export function descendingKeys(values: ArrayLike<number>, pick: ArrayLike<number>): Uint32Array {
  const float = new Float32Array(1);
  const bits = new Uint32Array(float.buffer);
  const keys = new Uint32Array(pick.length);
  for (let j = 0; j < pick.length; j++) {
    const value = values[pick[j]!]!;
    float[0] = value > 0 ? value : 0;
    keys[j] = ~bits[0]! >>> 0;
  }
  return keys;
}
