import type { Actor } from '../context.js';
import type { Database } from '../db/database.js';

/**
 * How long a token's or session's actor is trusted without asking the database again. Every
 * change made through this process (revoke, sign out, role change, member removal) forgets the
 * cache at once; one made by another process (a second server on the same PostgreSQL, `tessera
 * admin`) is seen within this time. Two seconds take the lookup off nearly every request of a
 * busy integrator while keeping that window shorter than a person notices.
 */
export const ACTOR_TTL_MS = 2_000;
// Enough for every live caller of a server; random tokens never get in (only hits are kept).
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
}

/** Actors by the hash of their secret, kept a short while. One per database. */
export class ActorCache {
  readonly #entries = new Map<string, Entry>();

  get(hash: string, now: number): Actor | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > now) return entry.actor;
    this.#entries.delete(hash);
    return undefined;
  }

  /** Keeps `actor` until the TTL passes or the secret expires, whichever comes first. */
  set(hash: string, actor: Actor, now: number, expiresAt: Date | null): void {
    const until = Math.min(now + ACTOR_TTL_MS, expiresAt?.getTime() ?? Infinity);
    if (until <= now) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the oldest entry goes.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(hash, { actor: Object.freeze(actor), until });
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

const caches = new WeakMap<Database, ActorCache>();

/** The actor cache of `db`'s process-wide services (tests run several servers in one process). */
export function actorCache(db: Database): ActorCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ActorCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Call after a committed change to who may do what (not inside the transaction: a request
 * between the clear and the commit would cache the old answer again).
 */
export function forgetActors(db: Database): void {
  caches.get(db)?.clear();
}
