/**
 * Accounts grouped by block, as compressed rows: block `b`'s accounts are
 * `members[offsets[b] .. offsets[b + 1])`, ascending. Accounts at -1 (no location) are left out
 * and counted in `ungrouped`.
 */
export interface BlockGroups {
  readonly offsets: Int32Array;
  readonly members: Int32Array;
  readonly ungrouped: number;
}

/** Groups `block` (per account, its block number or -1, as `locateAccounts` gives) by block. */
export function groupByBlock(block: Int32Array, blockCount: number): BlockGroups {
  const offsets = new Int32Array(blockCount + 1);
  let ungrouped = 0;
  for (const b of block) {
    if (b >= 0 && b < blockCount) offsets[b + 1]!++;
    else ungrouped++;
  }
  for (let b = 0; b < blockCount; b++) offsets[b + 1]! += offsets[b]!;
  const members = new Int32Array(offsets[blockCount]!);
  const fill = offsets.slice(0, blockCount);
  for (let i = 0; i < block.length; i++) {
    const b = block[i]!;
    if (b >= 0 && b < blockCount) members[fill[b]!++] = i;
  }
  return { offsets, members, ungrouped };
}
