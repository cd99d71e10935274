import type { EditedDataset } from '../edits/edited-dataset.js';

/**
 * For each account of `b`, its row in `a` (-1 when `a` lacks it). Runs on the same source
 * dataset line up through their source rows in one pass of typed arrays; accounts a scenario
 * added, or runs on different datasets, are matched by id.
 */
export function alignAccounts(a: EditedDataset, b: EditedDataset): Int32Array {
  const out = new Int32Array(b.accounts.length).fill(-1);
  if (a.sourceAccounts === b.sourceAccounts) {
    const rowInA = new Int32Array(a.sourceAccounts.length).fill(-1);
    for (let i = 0; i < a.sourceIndex.length; i++) {
      const source = a.sourceIndex[i]!;
      if (source >= 0) rowInA[source] = i;
    }
    let added = false;
    for (let j = 0; j < out.length; j++) {
      const source = b.sourceIndex[j]!;
      if (source >= 0) out[j] = rowInA[source]!;
      else added = true;
    }
    if (!added) return out;
    for (let j = 0; j < out.length; j++) {
      if (b.sourceIndex[j]! < 0) out[j] = a.accounts.indexOf(b.accounts.id.get(j));
    }
    return out;
  }
  for (let j = 0; j < out.length; j++) out[j] = a.accounts.indexOf(b.accounts.id.get(j));
  return out;
}
