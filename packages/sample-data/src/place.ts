/** A real populated place that accounts and reps are drawn around. */
export interface Place {
  name: string;
  /** State or province code, e.g. `CA`: becomes the account's `region`. */
  region: string;
  /** WGS84 degrees. */
  lat: number;
  lon: number;
  /** Residents: the weight a place gets when accounts are drawn. */
  population: number;
}
