import type { SegmentContext, SegmentResult } from '@tessera/core';
import type { RepLimits } from './capacities.js';
import type { SkillClasses } from './skill-classes.js';

/** What the planner should know: unservable accounts, capacity problems. */
export function report(
  ctx: SegmentContext,
  classes: SkillClasses,
  repOf: Int32Array,
  weight: Float64Array,
  limits: RepLimits,
  lockedLoad: Float64Array,
  mismatchPenaltyKm: number | undefined,
): Pick<SegmentResult, 'warnings' | 'infeasible'> {
  const { accounts, reps } = ctx;
  const m = reps.length;
  const warnings: string[] = [];

  const unservable: number[] = [];
  const unheld = new Set<string>();
  let unmatched = 0;
  let unlocated = 0;
  for (let i = 0; i < accounts.length; i++) {
    const c = classes.classOf[i]!;
    if (classes.matching[c]!.length === 0) {
      unservable.push(i);
      unheld.add(classes.needs[c]!.join(' + '));
    } else if (repOf[i]! >= 0 && classes.matches[c * m + repOf[i]!] === 0) {
      unmatched++;
    }
    if (!(Math.abs(accounts.lat[i]!) <= 90 && Math.abs(accounts.lon[i]!) <= 180)) unlocated++;
  }
  if (unservable.length > 0) {
    const ids = unservable.slice(0, 3).map((i) => accounts.id.get(i));
    const sets = [...unheld].sort();
    warnings.push(
      `${counted(unservable.length, 'account', 'needs', 'need')} skills no rep holds (${sets.slice(0, 3).join('; ')}${sets.length > 3 ? '; …' : ''}), e.g. ${ids.join(', ')}${unservable.length > 3 ? ', …' : ''}: each goes to the nearest rep with room`,
    );
  }
  if (unmatched > 0) {
    warnings.push(
      `${counted(unmatched, 'account', 'goes', 'go')} to a rep without their skills: the reps holding them are full${mismatchPenaltyKm === undefined ? '' : ` or more than mismatchPenaltyKm (${mismatchPenaltyKm}) farther`}`,
    );
  }
  if (unlocated > 0) {
    warnings.push(
      `${plural(unlocated, 'account')} without coordinates placed by skill and capacity only`,
    );
  }

  const load = Float64Array.from(lockedLoad, () => 0);
  for (let i = 0; i < repOf.length; i++) if (repOf[i]! >= 0) load[repOf[i]!]! += weight[i]!;
  let lockedOver = 0;
  let over = 0;
  let worst = 0;
  for (let r = 0; r < m; r++) {
    const slack = 1e-9 * Math.max(1, limits.limit[r]!);
    if (lockedLoad[r]! > limits.limit[r]! + slack) lockedOver++;
    if (load[r]! > limits.limit[r]! + slack) over++;
    const nominal = limits.nominal[r]!;
    if (nominal > 0) worst = Math.max(worst, load[r]! / nominal - 1);
    else if (load[r]! > 0) worst = Number.MAX_VALUE;
  }
  if (lockedOver > 0) {
    warnings.push(
      `${counted(lockedOver, 'rep', 'carries', 'carry')} more locked work than capacity × (1 + tolerance) allows`,
    );
  }
  const reasons: string[] = [];
  if (limits.shortfall !== undefined) reasons.push(limits.shortfall);
  if (over > 0) reasons.push(`${plural(over, 'rep')} above capacity × (1 + tolerance)`);
  const infeasible =
    reasons.length > 0 ? { reason: reasons.join('; '), achievedDeviation: worst } : undefined;
  return infeasible ? { warnings, infeasible } : { warnings };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "1 account needs", "3 accounts need". */
function counted(count: number, noun: string, singular: string, several: string): string {
  return `${plural(count, noun)} ${count === 1 ? singular : several}`;
}
