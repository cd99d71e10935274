import {
  findPlanFault,
  parseStrategyParams,
  Plan,
  subsetAccounts,
  subsetReps,
  TesseraError,
  UNASSIGNED,
  type SegmentContext,
  type SegmentResult,
  type StrategyPlugin,
  type Territory,
} from '@tessera/core';
import { listByGroup } from './group-lists.js';

/** A share of the accounts and the reps that serve them. */
export interface AccountGroup {
  /** Unique among the groups; prefixes a territory id that clashes with another group's. */
  key: string;
  /** Shown to the planner: in territory names, warnings and progress messages. */
  name: string;
  /** Row indices into `ctx.accounts`. */
  accounts: Int32Array;
  /** Row indices into `ctx.reps`. */
  reps: Int32Array;
}

/** Builds the territories of one group from its own sub-context. */
export type GroupSolver = (
  ctx: SegmentContext,
  group: AccountGroup,
) => SegmentResult | Promise<SegmentResult>;

/**
 * A solver that runs a strategy plugin, its parameters checked once against its schema (a
 * TesseraError names the plugin and the bad parameter). Usable as a {@link GroupSolver}.
 */
export function strategySolver(
  plugin: StrategyPlugin,
  rawParams: unknown = {},
): (ctx: SegmentContext) => SegmentResult | Promise<SegmentResult> {
  const params = parseStrategyParams(plugin, rawParams);
  return (ctx) => plugin.segment(ctx, params);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `solve` on each group as if the group were the whole dataset, and merges the group
 * plans into one plan of the full tables.
 *
 * Each group gets a sub-context: the subset tables (`subsetAccounts` / `subsetReps`), the
 * subset locks, the baseline restricted to the group (an account whose baseline rep is in
 * another group starts unassigned there), its own `ctx.random.fork()` (forked in group order,
 * so adding work to one group never changes another's draws), the same signal, and progress
 * scaled into the group's share of the accounts. The group's plan is checked like any plugin
 * result before it is merged; a fault names the group.
 *
 * A group sees its accounts and reps in ascending row order, whatever order the split gave.
 *
 * Rules that hold for every split:
 * - groups must not share an account or a rep (a TesseraError says which);
 * - a locked account always ends with its owner: when the owner is a rep of another group,
 *   the account moves to that group (counted in a warning); a rep in no group who owns locked
 *   accounts joins the group of the first of them;
 * - accounts in no group, and groups without a rep, stay unassigned (with a warning);
 * - territory ids are kept when unique across groups, otherwise prefixed `<group key>/`;
 *   territory names become `<group name> · <name>`.
 */
export async function runOnGroups(
  ctx: SegmentContext,
  groups: readonly AccountGroup[],
  solve: GroupSolver,
): Promise<SegmentResult> {
  const { accounts, reps, locks, signal } = ctx;
  const n = accounts.length;
  const accountGroup = new Int32Array(n).fill(-1);
  const repGroup = new Int32Array(reps.length).fill(-1);
  const keys = new Set<string>();
  groups.forEach((group, g) => {
    if (keys.has(group.key)) {
      throw new TesseraError('INVALID_GROUPS', `group key "${group.key}" is used twice`);
    }
    keys.add(group.key);
    for (const i of group.accounts) {
      if (!(i >= 0 && i < n)) {
        throw new TesseraError('INVALID_GROUPS', `group "${group.key}": no account row ${i}`);
      }
      if (accountGroup[i]! >= 0) {
        throw new TesseraError(
          'INVALID_GROUPS',
          `account "${accounts.id.get(i)}" is in groups "${groups[accountGroup[i]!]!.key}" and "${group.key}"`,
        );
      }
      accountGroup[i] = g;
    }
    for (const r of group.reps) {
      if (!(r >= 0 && r < reps.length)) {
        throw new TesseraError('INVALID_GROUPS', `group "${group.key}": no rep row ${r}`);
      }
      if (repGroup[r]! >= 0) {
        throw new TesseraError(
          'INVALID_GROUPS',
          `rep "${reps.id.get(r)}" is in groups "${groups[repGroup[r]!]!.key}" and "${group.key}"`,
        );
      }
      repGroup[r] = g;
    }
  });

  const warnings: string[] = [];
  placeLockedAccounts(ctx, accountGroup, repGroup, warnings);
  const accountLists = listByGroup(accountGroup, groups.length);
  const repLists = listByGroup(repGroup, groups.length);
  const missing = accountGroup.reduce((count, g) => (g < 0 ? count + 1 : count), 0);
  if (missing > 0) {
    warnings.push(
      `${missing} account${missing === 1 ? ' is' : 's are'} in no group and stay${missing === 1 ? 's' : ''} unassigned`,
    );
  }

  const baselineRep = ctx.baseline.repOf(reps);
  const localRep = new Int32Array(reps.length).fill(-1);
  const territoryOf = new Int32Array(n).fill(UNASSIGNED);
  const parts: { group: number; territories: readonly Territory[] }[] = [];
  const infeasible: string[] = [];
  let worstDeviation: number | undefined;
  let done = 0;
  const weightOf = (g: number): number => (accountLists[g]!.length + 1) / (n + groups.length);
  // Strategies may restart their own progress at 0: never let the merged figure go back.
  let reported = 0;
  const progress = (fraction: number, message: string): void => {
    reported = Math.max(reported, fraction);
    ctx.progress(reported, message);
  };

  for (let g = 0; g < groups.length; g++) {
    signal.throwIfAborted();
    await yieldToEventLoop();
    signal.throwIfAborted();
    const group = groups[g]!;
    const random = ctx.random.fork();
    const rows = accountLists[g]!;
    const repRows = repLists[g]!;
    const share = weightOf(g);
    const start = done;
    progress(start, `${group.name}: starting`);
    if (repRows.length === 0) {
      if (rows.length > 0) {
        warnings.push(
          `${group.name}: ${rows.length} accounts have no rep in this group and stay unassigned`,
        );
      }
      done += share;
      continue;
    }
    const subAccounts = subsetAccounts(accounts, rows);
    const subReps = subsetReps(reps, repRows);
    const subLocks = new Uint8Array(rows.length);
    for (let k = 0; k < repRows.length; k++) localRep[repRows[k]!] = k;
    const subBaseline = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      subLocks[k] = locks[i]!;
      const r = baselineRep[i]!;
      subBaseline[k] = r < 0 ? -1 : localRep[r]!;
    }
    for (let k = 0; k < repRows.length; k++) localRep[repRows[k]!] = -1;

    const sub: SegmentContext = {
      accounts: subAccounts,
      reps: subReps,
      baseline: Plan.fromRepAssignment(subReps, subBaseline),
      locks: subLocks,
      random,
      signal,
      progress: (fraction, message) => {
        const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
        progress(
          start + f * share,
          message === undefined ? group.name : `${group.name}: ${message}`,
        );
      },
    };
    const result = await solve(sub, group);
    signal.throwIfAborted();
    const fault = findPlanFault(result.plan, subAccounts, subReps, subLocks);
    if (fault) {
      throw new TesseraError('INVALID_PLUGIN_RESULT', `group "${group.name}": ${fault}`);
    }
    const offset = parts.reduce((sum, part) => sum + part.territories.length, 0);
    const local = result.plan.territoryOf;
    for (let k = 0; k < rows.length; k++) {
      const t = local[k]!;
      territoryOf[rows[k]!] = t < 0 ? UNASSIGNED : offset + t;
    }
    parts.push({ group: g, territories: result.plan.territories });
    for (const warning of result.warnings ?? []) warnings.push(`${group.name}: ${warning}`);
    if (result.infeasible) {
      infeasible.push(`${group.name}: ${result.infeasible.reason}`);
      const deviation = result.infeasible.achievedDeviation;
      if (deviation !== undefined) worstDeviation = Math.max(worstDeviation ?? 0, deviation);
    }
    done += share;
    progress(done, `${group.name}: done`);
  }

  const plan = new Plan(territoryOf, mergeTerritories(groups, parts));
  const out: SegmentResult = { plan, warnings };
  if (infeasible.length > 0) {
    out.infeasible = {
      reason: infeasible.join('; '),
      ...(worstDeviation === undefined ? {} : { achievedDeviation: worstDeviation }),
    };
  }
  return out;
}

/**
 * Moves each locked account into the group of its owner; a rep in no group who owns a locked
 * account joins that account's group.
 */
function placeLockedAccounts(
  ctx: SegmentContext,
  accountGroup: Int32Array,
  repGroup: Int32Array,
  warnings: string[],
): void {
  const { accounts, reps, locks } = ctx;
  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  let moved = 0;
  for (let i = 0; i < accounts.length; i++) {
    if (locks[i] !== 1) continue;
    const code = accounts.owner.codes[i]!;
    const owner = code < 0 ? -1 : ownerRep[code]!;
    if (owner < 0) continue;
    if (repGroup[owner]! < 0) {
      if (accountGroup[i]! < 0) continue;
      repGroup[owner] = accountGroup[i]!;
    }
    if (accountGroup[i] !== repGroup[owner]) {
      accountGroup[i] = repGroup[owner]!;
      moved++;
    }
  }
  if (moved > 0) {
    warnings.push(
      `${moved} locked account${moved === 1 ? '' : 's'} follow${moved === 1 ? 's' : ''} ${moved === 1 ? 'its' : 'their'} owner into another group`,
    );
  }
}

function mergeTerritories(
  groups: readonly AccountGroup[],
  parts: readonly { group: number; territories: readonly Territory[] }[],
): Territory[] {
  const seenIn = new Map<string, number>();
  for (const part of parts) {
    for (const t of part.territories) {
      const other = seenIn.get(t.id);
      seenIn.set(t.id, other === undefined || other === part.group ? part.group : -1);
    }
  }
  const taken = new Set<string>();
  const out: Territory[] = [];
  for (const part of parts) {
    const group = groups[part.group]!;
    for (const t of part.territories) {
      let id = seenIn.get(t.id) === -1 ? `${group.key}/${t.id}` : t.id;
      for (let k = 2; taken.has(id); k++) id = `${group.key}/${t.id}#${k}`;
      taken.add(id);
      out.push({ id, name: `${group.name} · ${t.name}`, repId: t.repId });
    }
  }
  return out;
}
