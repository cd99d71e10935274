import type { Random } from '@tessera/core';

/** Workload of a one-person account before the sector factor. */
export const WORKLOAD_BASE = 2;
/** Effort grows much slower than headcount: 10× the employees is ~2.2× the work. */
export const WORKLOAD_SIZE_EXPONENT = 0.35;
/** Log-scale spread of workload around the size curve. */
export const WORKLOAD_SIGMA = 0.25;

/** Effort to serve an account for a year, in workload units (one decimal, at least 0.5). */
export function drawWorkload(employees: number, workloadFactor: number, random: Random): number {
  const w =
    WORKLOAD_BASE *
    Math.pow(employees, WORKLOAD_SIZE_EXPONENT) *
    workloadFactor *
    Math.exp(WORKLOAD_SIGMA * random.normal());
  return Math.max(0.5, Math.round(w * 10) / 10);
}
