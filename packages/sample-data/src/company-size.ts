import type { Random } from '@tessera/core';

/** Pareto tail index of the employee count: near 1, like the US firm-size distribution. */
export const EMPLOYEE_TAIL_SHAPE = 1.2;
/** No single account is larger than this. */
export const MAX_EMPLOYEES = 250_000;
/** Log-scale spread of revenue per employee around the sector median. */
export const REVENUE_PER_EMPLOYEE_SIGMA = 0.4;

export const SEGMENTS = ['smb', 'midmarket', 'enterprise'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Employees at or above which an account is midmarket, then enterprise. */
export const MIDMARKET_FROM = 100;
export const ENTERPRISE_FROM = 1000;

// 2^(1/α) − 1: the median of a unit-scale Lomax.
const LOMAX_UNIT_MEDIAN = Math.pow(2, 1 / EMPLOYEE_TAIL_SHAPE) - 1;

/**
 * Employees: 1 + a Lomax (Pareto type II) draw of shape {@link EMPLOYEE_TAIL_SHAPE}, scaled so
 * the median is close to `median`, capped at {@link MAX_EMPLOYEES}. Most accounts are small and
 * a few are huge, which is what makes potential concentrate in the top percent.
 */
export function drawEmployees(median: number, random: Random): number {
  const scale = Math.max(median - 0.5, 0.5) / LOMAX_UNIT_MEDIAN;
  const u = random.next();
  const tail = Math.pow(1 - u, -1 / EMPLOYEE_TAIL_SHAPE) - 1;
  return Math.min(MAX_EMPLOYEES, 1 + Math.floor(scale * tail));
}

/** The sales segment of an account by its employee count. */
export function segmentOf(employees: number): Segment {
  if (employees >= ENTERPRISE_FROM) return 'enterprise';
  return employees >= MIDMARKET_FROM ? 'midmarket' : 'smb';
}

/** Annual revenue in USD, rounded to the thousand: employees × a log-normal revenue per head. */
export function drawAnnualRevenue(
  employees: number,
  revenuePerEmployee: number,
  random: Random,
): number {
  const perHead = revenuePerEmployee * Math.exp(REVENUE_PER_EMPLOYEE_SIGMA * random.normal());
  return Math.max(1000, Math.round((employees * perHead) / 1000) * 1000);
}
