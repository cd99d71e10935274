/** One NAICS sector as the generator models it. */
export interface NaicsSector {
  /** Slug used in the `industry` column and in `industry:<id>` skill tags. */
  readonly id: string;
  /** The 2-digit NAICS code (or range). */
  readonly naics: string;
  readonly label: string;
  /** Relative share of businesses (≈ percent of US establishments). */
  readonly weight: number;
  /** Median employees of an account in this sector. */
  readonly medianEmployees: number;
  /** Median annual revenue per employee, USD. */
  readonly revenuePerEmployee: number;
  /** Multiplies the base share of revenue an account could spend with us (its potential). */
  readonly potentialMultiplier: number;
  /** Multiplies the effort an account of a given size takes to serve. */
  readonly workloadFactor: number;
  /** Whether midmarket and enterprise accounts need a rep with `industry:<id>`. */
  readonly specialist: boolean;
  /** Weight multiplier in places under 10,000 people. */
  readonly ruralFactor: number;
  /** Weight multiplier in places of 250,000 people or more. */
  readonly coreFactor: number;
}

const sector = (
  id: string,
  naics: string,
  label: string,
  weight: number,
  medianEmployees: number,
  revenuePerEmployee: number,
  potentialMultiplier: number,
  workloadFactor: number,
  specialist: boolean,
  ruralFactor: number,
  coreFactor: number,
): NaicsSector => ({
  id,
  naics,
  label,
  weight,
  medianEmployees,
  revenuePerEmployee,
  potentialMultiplier,
  workloadFactor,
  specialist,
  ruralFactor,
  coreFactor,
});

/**
 * The 20 NAICS sectors. Weights follow the rounded establishment mix of the Census County
 * Business Patterns (farms and government, which it leaves out, get small assumed weights);
 * sizes and revenue per employee are rounded orders of magnitude, not statistics to quote.
 */
// prettier-ignore
export const NAICS_SECTORS: readonly NaicsSector[] = [
  sector('agriculture', '11', 'Agriculture, Forestry, Fishing and Hunting', 1.0, 6, 250_000, 0.6, 1.0, false, 4, 0.2),
  sector('mining', '21', 'Mining, Quarrying, and Oil and Gas Extraction', 0.4, 15, 900_000, 1.2, 1.2, true, 3, 0.4),
  sector('utilities', '22', 'Utilities', 0.3, 25, 1_200_000, 1.5, 1.3, true, 1.5, 0.8),
  sector('construction', '23', 'Construction', 10, 5, 300_000, 0.7, 0.9, false, 1.1, 0.9),
  sector('manufacturing', '31-33', 'Manufacturing', 3.5, 20, 450_000, 1.3, 1.2, false, 1.3, 0.7),
  sector('wholesale', '42', 'Wholesale Trade', 5, 8, 1_100_000, 0.8, 1.0, false, 1, 1),
  sector('retail', '44-45', 'Retail Trade', 12, 7, 250_000, 0.8, 0.9, false, 1.1, 0.9),
  sector('transportation', '48-49', 'Transportation and Warehousing', 3.5, 8, 200_000, 1.0, 1.0, false, 1.2, 0.9),
  sector('information', '51', 'Information', 2, 10, 500_000, 2.0, 1.1, false, 0.5, 1.6),
  sector('finance', '52', 'Finance and Insurance', 6, 6, 600_000, 1.8, 1.3, true, 0.7, 1.5),
  sector('real-estate', '53', 'Real Estate and Rental and Leasing', 4.8, 3, 400_000, 0.8, 0.8, false, 0.8, 1.2),
  sector('professional-services', '54', 'Professional, Scientific, and Technical Services', 12, 4, 180_000, 1.5, 1.0, false, 0.6, 1.4),
  sector('management', '55', 'Management of Companies and Enterprises', 0.7, 40, 250_000, 1.5, 1.4, false, 0.5, 1.5),
  sector('administrative', '56', 'Administrative and Support and Waste Management and Remediation Services', 5, 8, 90_000, 0.9, 1.0, false, 0.9, 1.1),
  sector('education', '61', 'Educational Services', 1.3, 12, 80_000, 1.2, 1.2, true, 0.8, 1.2),
  sector('healthcare', '62', 'Health Care and Social Assistance', 12, 8, 110_000, 1.4, 1.3, true, 0.9, 1.1),
  sector('arts-entertainment', '71', 'Arts, Entertainment, and Recreation', 2, 6, 90_000, 0.7, 0.8, false, 1, 1.1),
  sector('hospitality', '72', 'Accommodation and Food Services', 9, 12, 70_000, 0.6, 0.8, false, 1, 1),
  sector('other-services', '81', 'Other Services (except Public Administration)', 8.5, 4, 95_000, 0.6, 0.8, false, 1.1, 0.9),
  sector('public-administration', '92', 'Public Administration', 1.0, 30, 150_000, 1.6, 1.4, true, 1.2, 1.0),
];

/** Places below this population count as rural for the industry mix. */
export const RURAL_BELOW = 10_000;
/** Places at or above this population count as a metro core for the industry mix. */
export const CORE_FROM = 250_000;

/** The three settlement classes the industry mix depends on: 0 rural, 1 town/city, 2 core. */
export function settlementClass(population: number): 0 | 1 | 2 {
  if (population < RURAL_BELOW) return 0;
  return population >= CORE_FROM ? 2 : 1;
}

/** Sector weights for a settlement class, in {@link NAICS_SECTORS} order. */
export function sectorWeights(settlement: 0 | 1 | 2): Float64Array {
  return Float64Array.from(NAICS_SECTORS, (s) =>
    settlement === 0
      ? s.weight * s.ruralFactor
      : settlement === 2
        ? s.weight * s.coreFactor
        : s.weight,
  );
}
