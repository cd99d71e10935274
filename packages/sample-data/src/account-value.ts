import type { Random } from '@tessera/core';
import type { Segment } from './company-size.js';

/** Share of an account's annual revenue it could spend with us, before the sector multiplier. */
export const BASE_POTENTIAL_RATE = 0.01;
/** Log-scale spread of potential around that rate. */
export const POTENTIAL_SIGMA = 0.5;
/** Probability that an account is already a customer, by segment. */
export const CUSTOMER_SHARE: Readonly<Record<Segment, number>> = {
  smb: 0.3,
  midmarket: 0.45,
  enterprise: 0.6,
};
/** A customer's revenue is a uniform share of its potential in this range. */
export const WALLET_SHARE_MIN = 0.05;
export const WALLET_SHARE_MAX = 0.6;

/** Potential: what the account could spend with us per year, USD (whole dollars, ≥ 100). */
export function drawPotential(
  annualRevenue: number,
  potentialMultiplier: number,
  random: Random,
): number {
  const rate =
    BASE_POTENTIAL_RATE * potentialMultiplier * Math.exp(POTENTIAL_SIGMA * random.normal());
  return Math.max(100, Math.round(annualRevenue * rate));
}

/** Revenue: what the account spends with us today, USD; 0 for a prospect. */
export function drawCurrentRevenue(potential: number, segment: Segment, random: Random): number {
  // Both draws are always taken so one account's outcome never shifts the next one's stream.
  const isCustomer = random.next() < CUSTOMER_SHARE[segment];
  const share = WALLET_SHARE_MIN + (WALLET_SHARE_MAX - WALLET_SHARE_MIN) * random.next();
  return isCustomer ? Math.round(potential * share) : 0;
}
