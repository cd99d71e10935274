import { TesseraError } from '../errors/tessera-error.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';

/** A territory: a set of accounts served by one rep (`repId` null while unstaffed). */
export interface Territory {
  id: string;
  name: string;
  repId: string | null;
}

/** The plain form of a {@link Plan}, for workers and storage. */
export interface PlanData {
  territoryOf: Int32Array;
  territories: Territory[];
}

/**
 * Marks plans across copies of this package: a plugin that installs or bundles its own copy
 * of core returns plans that fail `instanceof Plan`, and the brand (a registered symbol, the
 * same in every copy) lets the validator say so instead of calling the result "no plan".
 */
export const PLAN_BRAND: unique symbol = Symbol.for('@tessera/core:Plan');

/** Marks an account that belongs to no territory. */
export const UNASSIGNED = -1;

/**
 * An alignment: for every account the index of its territory (or {@link UNASSIGNED}), and the
 * territories with their reps. Indexes, not ids, so a million-account plan is one Int32Array.
 */
export class Plan {
  /** See {@link PLAN_BRAND}. */
  get [PLAN_BRAND](): true {
    return true;
  }

  readonly territoryOf: Int32Array;
  readonly territories: readonly Territory[];

  constructor(territoryOf: Int32Array, territories: readonly Territory[]) {
    this.territoryOf = territoryOf;
    this.territories = territories;
  }

  get accountCount(): number {
    return this.territoryOf.length;
  }

  /**
   * The plan where each rep leads one territory (`T-<rep id>`, in rep order) and account i goes
   * to rep `repOf[i]` (-1 for none). Most strategies produce exactly this shape.
   */
  static fromRepAssignment(reps: RepTable, repOf: Int32Array): Plan {
    const territories: Territory[] = [];
    for (let r = 0; r < reps.length; r++) {
      const repId = reps.id.get(r);
      territories.push({ id: `T-${repId}`, name: reps.name.get(r) || repId, repId });
    }
    return new Plan(Int32Array.from(repOf), territories);
  }

  /** The index of each territory's rep in `reps` (-1 when unstaffed or unknown). */
  repIndexes(reps: RepTable): Int32Array {
    return Int32Array.from(this.territories, (t) =>
      t.repId === null ? -1 : reps.indexOf(t.repId),
    );
  }

  /** For each account, the index of its rep in `reps` (-1 when unassigned or unstaffed). */
  repOf(reps: RepTable): Int32Array {
    const byTerritory = this.repIndexes(reps);
    const out = new Int32Array(this.territoryOf.length);
    for (let i = 0; i < out.length; i++) {
      const t = this.territoryOf[i]!;
      out[i] = t < 0 ? -1 : byTerritory[t]!;
    }
    return out;
  }

  toData(): PlanData {
    return { territoryOf: this.territoryOf, territories: this.territories.map((t) => ({ ...t })) };
  }

  static fromData(data: PlanData): Plan {
    return new Plan(data.territoryOf, data.territories);
  }
}

/**
 * The plan that is in place today: one territory per rep, each account with its `owner`.
 * Accounts whose owner is missing or names no rep (a rep who left) are unassigned.
 */
export function baselinePlan(accounts: AccountTable, reps: RepTable): Plan {
  const ownerToRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const repOf = new Int32Array(accounts.length);
  const codes = accounts.owner.codes;
  for (let i = 0; i < repOf.length; i++) {
    const code = codes[i]!;
    repOf[i] = code < 0 ? -1 : ownerToRep[code]!;
  }
  return Plan.fromRepAssignment(reps, repOf);
}

/** Checks that a plan belongs to this account table before anything reads it. */
export function assertPlanFits(plan: Plan, accounts: AccountTable): void {
  if (plan.territoryOf.length !== accounts.length) {
    throw new TesseraError(
      'PLAN_MISMATCH',
      `plan covers ${plan.territoryOf.length} accounts but the account table has ${accounts.length}`,
    );
  }
}
