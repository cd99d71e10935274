/**
 * Token buckets per key, in memory: each key may spend `capacity` requests at once and earns
 * them back evenly over `refillMs`. A key is forgotten once its bucket is full again, since a
 * new bucket would be the same.
 */
export class TokenBuckets {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #sweptAt = 0;

  constructor(options: { capacity: number; refillMs: number }) {
    this.#capacity = options.capacity;
    this.#perMs = options.capacity / options.refillMs;
  }

  /** Spends one token of `key`: 0 when there was one, else the milliseconds until there is. */
  take(key: string, now: number): number {
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
    const tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) / this.#perMs);
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** How many keys are remembered (for tests of the sweep). */
  get size(): number {
    return this.#buckets.size;
  }

  // Full buckets are dropped at most once per refill period, so memory follows active keys.
  #sweep(now: number): void {
    const refillMs = this.#capacity / this.#perMs;
    if (now - this.#sweptAt < refillMs) return;
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#capacity) {
        this.#buckets.delete(key);
      }
    }
  }
}
