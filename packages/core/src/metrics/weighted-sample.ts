import type { Random } from '../random/random.js';

/**
 * Systematic sampling with probability proportional to weight: `size` equally spaced marks,
 * from one seeded offset, along the running total of the weights, fed one weight at a time.
 * The plain mean over the draws estimates the weighted mean over everything without bias, and
 * the feeding order (tables are often grouped by region) spreads the draws like a stratified
 * sample. A weight holding several marks is drawn that many times.
 */
export class SystematicSampler {
  readonly #step: number;
  readonly #size: number;
  #mark: number;
  #cumulative = 0;
  #drawn = 0;

  /** `total` is the sum of every weight that will be fed, in the same order. */
  constructor(total: number, size: number, random: Random) {
    this.#size = total > 0 ? size : 0;
    this.#step = total / size;
    this.#mark = random.next() * this.#step;
  }

  /** Feeds the next weight (≥ 0); returns how many times it is drawn. */
  draws(weight: number): number {
    this.#cumulative += weight;
    let hits = 0;
    while (this.#mark < this.#cumulative && this.#drawn < this.#size) {
      hits++;
      this.#drawn++;
      this.#mark += this.#step;
    }
    return hits;
  }
}
