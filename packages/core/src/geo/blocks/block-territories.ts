import type { BlockSet } from './block-set.js';

/**
 * The territory of every block: where a block holds accounts, the territory holding most of
 * them (ties to the lower territory); a block without accounts joins the territory of the
 * nearest block that has one, counted in borders crossed (a breadth-first fill from every
 * territory at once, in block order, so the result is deterministic). Blocks that no filled
 * block borders (an island without accounts) stay -1.
 *
 * Locked accounts (`locked[i] = 1`) are exceptions, as in the territory tools planners know:
 * they stay with their rep wherever they lie and do not decide whom a block belongs to (a block
 * holding only locked accounts counts as empty).
 */
export function blockTerritories(
  blocks: BlockSet,
  blockOfAccount: ArrayLike<number>,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
  locked?: ArrayLike<number> | null,
): Int32Array {
  const territory = new Int32Array(blocks.length).fill(-1);
  const counts = new Map<number, number>();
  const best = new Float64Array(blocks.length);
  for (let i = 0; i < blockOfAccount.length; i++) {
    const b = blockOfAccount[i]!;
    const t = territoryOf[i]!;
    if (b < 0 || t < 0 || t >= territoryCount || locked?.[i] === 1) continue;
    const key = b * territoryCount + t;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const current = territory[b]!;
    if (current < 0 || n > best[b]! || (n === best[b]! && t < current)) {
      territory[b] = t;
      best[b] = n;
    }
  }
  const queue = new Int32Array(blocks.length);
  let tail = 0;
  for (let b = 0; b < blocks.length; b++) if (territory[b]! >= 0) queue[tail++] = b;
  for (let head = 0; head < tail; head++) {
    const b = queue[head]!;
    for (const next of blocks.neighborsOf(b)) {
      if (territory[next]! >= 0) continue;
      territory[next] = territory[b]!;
      queue[tail++] = next;
    }
  }
  return territory;
}
