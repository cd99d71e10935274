/**
 * Answers of the hottest reads kept in the process, for the embedded server only. It is its
 * database's one user (the data-directory lock keeps every other process out, `tessera admin`
 * included), so a row it has not written has not changed:
 *
 * - a run that has finished (done, failed, cancelled) never changes again: every write to a
 *   run is guarded on its being queued or running;
 * - a scenario changes only by this process's saves, which forget it;
 * - deleting a scenario or a dataset deletes runs (and scenarios) by cascade, so it forgets
 *   everything.
 *
 * With PostgreSQL other servers and workers write the same rows, and there is no cache.
 * Entries are read by many requests at once: callers treat them as read-only.
 */
export class ReadCache<Run, Scenario> {
  readonly #runs: Lru<Run>;
  readonly #scenarios: Lru<Scenario>;
  /** Bumped by every forget: a read that began before one is not kept (it may be stale). */
  #generation = 0;

  constructor(capacity = 512) {
    this.#runs = new Lru(capacity);
    this.#scenarios = new Lru(capacity);
  }

  /** Taken before reading the database; `keep…` needs it back. */
  ticket(): number {
    return this.#generation;
  }

  run(workspaceId: string, runId: string): Run | undefined {
    return this.#runs.get(key(workspaceId, runId));
  }

  /** Keeps a run read from the database since `ticket`; only one that has finished. */
  keepRun(workspaceId: string, runId: string, status: string, run: Run, ticket: number): void {
    if (ticket !== this.#generation) return;
    if (status === 'done' || status === 'failed' || status === 'cancelled') {
      this.#runs.set(key(workspaceId, runId), run);
    }
  }

  scenario(workspaceId: string, scenarioId: string): Scenario | undefined {
    return this.#scenarios.get(key(workspaceId, scenarioId));
  }

  /** Keeps a scenario read from the database since `ticket`. */
  keepScenario(workspaceId: string, scenarioId: string, scenario: Scenario, ticket: number): void {
    if (ticket !== this.#generation) return;
    this.#scenarios.set(key(workspaceId, scenarioId), scenario);
  }

  /** After a save of the scenario. */
  forgetScenario(workspaceId: string, scenarioId: string): void {
    this.#generation++;
    this.#scenarios.delete(key(workspaceId, scenarioId));
  }

  /** After a delete that cascades: every run and scenario may be gone. */
  forgetAll(): void {
    this.#generation++;
    this.#runs.clear();
    this.#scenarios.clear();
  }
}

const key = (workspaceId: string, id: string) => `${workspaceId}\u0000${id}`;

/** A Map in least-recently-used order (a hit moves to the end), at most `capacity` entries. */
class Lru<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(k: string): V | undefined {
    const value = this.#entries.get(k);
    if (value === undefined) return undefined;
    this.#entries.delete(k);
    this.#entries.set(k, value);
    return value;
  }

  set(k: string, value: V): void {
    this.#entries.delete(k);
    this.#entries.set(k, value);
    if (this.#entries.size > this.capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }

  delete(k: string): void {
    this.#entries.delete(k);
  }

  clear(): void {
    this.#entries.clear();
  }
}
