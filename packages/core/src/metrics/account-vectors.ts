import type { AccountTable } from '../table/account-table.js';
import { unitVectors } from './sphere.js';

/** The accounts' unit vectors (see `unitVectors`): 3 numbers per account, NaN when unlocated. */
export function accountVectors(accounts: AccountTable): Float64Array {
  return unitVectors(accounts.lat, accounts.lon);
}
