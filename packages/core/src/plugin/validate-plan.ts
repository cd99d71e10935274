import { Plan, PLAN_BRAND, UNASSIGNED } from '../plan/plan.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';

/**
 * The first thing wrong with a plan, or `null` when it is valid: every account in exactly one
 * known territory (or unassigned), territory ids unique, each territory's rep known and leading
 * no other territory, and every locked account still with its owner.
 */
export function findPlanFault(
  plan: unknown,
  accounts: AccountTable,
  reps: RepTable,
  locks: Uint8Array = accounts.locked,
): string | null {
  if (!(plan instanceof Plan)) return isForeignPlan(plan) ? FOREIGN_PLAN : 'the result has no Plan';
  const { territoryOf, territories } = plan;
  if (!(territoryOf instanceof Int32Array)) return 'territoryOf is not an Int32Array';
  if (territoryOf.length !== accounts.length) {
    return `the plan covers ${territoryOf.length} accounts, the table has ${accounts.length}`;
  }
  const territoryIds = new Set<string>();
  const leaders = new Map<string, string>();
  const territoryRep = new Int32Array(territories.length);
  for (let t = 0; t < territories.length; t++) {
    const territory = territories[t]!;
    if (typeof territory.id !== 'string' || territory.id === '') return `territory #${t} has no id`;
    if (territoryIds.has(territory.id)) return `territory id "${territory.id}" is used twice`;
    territoryIds.add(territory.id);
    territoryRep[t] = -1;
    if (territory.repId !== null) {
      const r = reps.indexOf(territory.repId);
      if (r < 0) return `territory "${territory.id}" names unknown rep "${territory.repId}"`;
      const other = leaders.get(territory.repId);
      if (other !== undefined) {
        return `rep "${territory.repId}" leads both territory "${other}" and "${territory.id}"`;
      }
      leaders.set(territory.repId, territory.id);
      territoryRep[t] = r;
    }
  }
  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  for (let i = 0; i < territoryOf.length; i++) {
    const t = territoryOf[i]!;
    if (t !== UNASSIGNED && (t < 0 || t >= territories.length)) {
      return `account "${accounts.id.get(i)}" is in territory #${t}, which does not exist`;
    }
    if (locks[i] === 1) {
      const code = accounts.owner.codes[i]!;
      const owner = code < 0 ? -1 : ownerRep[code]!;
      // A lock on an account whose owner has left cannot be honoured by anyone.
      if (owner >= 0 && (t < 0 || territoryRep[t] !== owner)) {
        return `locked account "${accounts.id.get(i)}" left its owner "${reps.id.get(owner)}"`;
      }
    }
  }
  return null;
}

const FOREIGN_PLAN =
  'the plan was made by another copy of @tessera/core than the one running it, so it cannot be ' +
  'trusted; install one copy: make @tessera/core a peerDependency of the plugin package ' +
  '(not a dependency, and never bundled), then dedupe (`pnpm dedupe` or `npm dedupe`)';

function isForeignPlan(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as Record<symbol, unknown>)[PLAN_BRAND] === true
  );
}
