import { capacityTargets, type PlanMetrics } from '@tessera/core';
import type { ScenarioOutcome, TerritoryRow } from '@tessera/scenarios';

/** A KPI card: the metric's plain name, its value in words and what it means. */
export interface KpiCard {
  id: 'balance' | 'deviation' | 'compactness' | 'travel' | 'continuity';
  label: string;
  value: string;
  detail: string;
  /** `attention` when the value is outside what the scenario asked for. */
  tone: 'ok' | 'attention' | 'neutral';
}

/** A territory row with its workload target and how far it sits from it. */
export interface TerritoryLine extends TerritoryRow {
  /** The territory's fair share of the workload (capacity-weighted, core's targets). */
  target: number;
  /** workload / target − 1; 0 when the target is 0. */
  deviation: number;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const km = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatShare(value: number): string {
  return percent.format(value);
}

export function formatSignedShare(value: number): string {
  const text = percent.format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The five headline metrics of a run (packages/core's formulas), with plain names. */
export function kpiCards(metrics: PlanMetrics, tolerance: number): KpiCard[] {
  const balance = metrics.balance.workload;
  const moved = metrics.continuity.accountsMovedShare;
  const kmeans = metrics.compactness.kmeansRatio;
  const travel = metrics.travel.meanDistanceKm;
  return [
    {
      id: 'balance',
      label: 'Balance index',
      value: `${Math.round(balance.index)} / 100`,
      detail: '100 means every territory carries exactly its fair share of the workload.',
      tone: 'neutral',
    },
    {
      id: 'deviation',
      label: 'Workload deviation',
      value: `±${formatShare(balance.maxDeviation)}`,
      detail: `The territory furthest from its workload target; the scenario allows ±${formatShare(tolerance)}.`,
      tone: balance.maxDeviation > tolerance + 1e-9 ? 'attention' : 'ok',
    },
    {
      id: 'compactness',
      label: 'Compactness',
      value: `${km.format(metrics.compactness.meanDistanceKm)} km`,
      detail:
        kmeans === null
          ? 'Mean distance from an account to its territory centre, weighted by workload.'
          : `Mean distance from an account to its territory centre; ${ratio.format(kmeans)}× that of the most compact split of the same size.`,
      tone: 'neutral',
    },
    {
      id: 'travel',
      label: 'Travel',
      value: travel === null ? 'Not known' : `${km.format(travel)} km`,
      detail:
        travel === null
          ? 'No rep has a home base to measure travel from.'
          : 'Mean distance from an account to its rep’s home base, weighted by workload.',
      tone: 'neutral',
    },
    {
      id: 'continuity',
      label: 'Continuity',
      value: `${formatShare(1 - moved)} kept`,
      detail: `${formatShare(moved)} of accounts (${formatShare(metrics.continuity.revenueMovedShare)} of revenue) change owner.`,
      tone: 'neutral',
    },
  ];
}

/** The run's territories with their workload targets and deviations, in the run's order. */
export function territoryLines(territories: readonly TerritoryRow[]): TerritoryLine[] {
  const total = territories.reduce((sum, t) => sum + t.workload, 0);
  const targets = capacityTargets(
    total,
    territories.map((t) => t.capacity),
  );
  return territories.map((t, i) => {
    const target = targets[i]!;
    return { ...t, target, deviation: target > 0 ? t.workload / target - 1 : 0 };
  });
}

/** What a planner should know about a run, each a sentence: the run's own warnings first. */
export function runWarnings(
  outcome: Pick<ScenarioOutcome, 'warnings' | 'infeasible' | 'metrics'>,
): string[] {
  const out = [...outcome.warnings];
  if (outcome.infeasible) {
    const achieved = outcome.infeasible.achievedDeviation;
    out.push(
      `The strategy could not meet its balance target: ${outcome.infeasible.reason}` +
        (achieved === undefined ? '' : ` (the best it reached is ±${formatShare(achieved)}).`),
    );
  }
  const { unassigned, overCapacity, repsWithoutTerritory } = outcome.metrics.coverage;
  if (unassigned > 0)
    out.push(`${count(unassigned, 'account has', 'accounts have')} no territory.`);
  if (overCapacity > 0) {
    out.push(`${count(overCapacity, 'territory is', 'territories are')} over its rep’s capacity.`);
  }
  if (repsWithoutTerritory > 0) {
    out.push(`${count(repsWithoutTerritory, 'rep has', 'reps have')} no territory.`);
  }
  return out.map((w) => (/[.!?]$/.test(w) ? w : `${w}.`));
}

/** The tolerance a scenario asked for: its strategy's `tolerance`, else the schema's default. */
export function scenarioTolerance(
  params: Record<string, unknown>,
  paramsSchema: Record<string, unknown> | undefined,
  fallback = 0.05,
): number {
  if (typeof params.tolerance === 'number' && params.tolerance >= 0) return params.tolerance;
  const properties = paramsSchema?.properties as Record<string, { default?: unknown }> | undefined;
  const schemaDefault = properties?.tolerance?.default;
  return typeof schemaDefault === 'number' ? schemaDefault : fallback;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
