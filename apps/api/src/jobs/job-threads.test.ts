import { generateSample } from '@tessera/sample-data';
import type { ScenarioOutcome } from '@tessera/scenarios';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobThreads, type ThreadPool } from './job-threads.js';

/** A pool whose runs end when the test says so; it counts what it was asked. */
class FakePool implements ThreadPool {
  runs = 0;
  closed = false;
  readonly #pending: ((outcome: ScenarioOutcome) => void)[] = [];

  runOutcome(): Promise<ScenarioOutcome> {
    if (this.closed) return Promise.reject(new Error('closed'));
    this.runs++;
    return new Promise<ScenarioOutcome>((resolve) => {
      this.#pending.push(resolve);
    });
  }

  finishAll(): void {
    for (const resolve of this.#pending.splice(0)) resolve({ name: 'x' } as ScenarioOutcome);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

describe('JobThreads', () => {
  const place = { name: 'Denver', region: 'CO', lat: 39.74, lon: -104.99, population: 700_000 };
  const dataset = generateSample({ accounts: 10, reps: 2, seed: 1, places: [place] });
  let pools: FakePool[];
  let threads: JobThreads;

  beforeEach(() => {
    vi.useFakeTimers();
    pools = [];
    threads = new JobThreads({
      idleMs: 10_000,
      create: () => {
        const pool = new FakePool();
        pools.push(pool);
        return pool;
      },
    });
  });
  afterEach(async () => {
    await threads.close();
    vi.useRealTimers();
  });

  it('starts no threads before the first job', () => {
    expect(threads.started).toBe(false);
    expect(pools).toHaveLength(0);
  });

  it('runs jobs at once on one pool, and ends it once idle for idleMs', async () => {
    const first = threads.runOutcome(dataset, {});
    const second = threads.runOutcome(dataset, {});
    expect(pools).toHaveLength(1);
    expect(pools[0]!.runs).toBe(2);
    // Busy for longer than idleMs: a running job keeps the threads.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(pools[0]!.closed).toBe(false);
    pools[0]!.finishAll();
    await Promise.all([first, second]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(pools[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(pools[0]!.closed).toBe(true);
    expect(threads.started).toBe(false);
  });

  it('keeps the threads for a job that comes before idleMs, and starts new ones after', async () => {
    const first = threads.runOutcome(dataset, {});
    pools[0]!.finishAll();
    await first;
    await vi.advanceTimersByTimeAsync(5_000);
    const second = threads.runOutcome(dataset, {});
    pools[0]!.finishAll();
    await second;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pools).toHaveLength(1);
    expect(pools[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pools[0]!.closed).toBe(true);

    const third = threads.runOutcome(dataset, {});
    expect(pools).toHaveLength(2);
    pools[1]!.finishAll();
    await third;
  });

  it('closes its pool and refuses jobs once closed', async () => {
    const running = threads.runOutcome(dataset, {});
    await threads.close();
    expect(pools[0]!.closed).toBe(true);
    await expect(threads.runOutcome(dataset, {})).rejects.toMatchObject({ code: 'POOL_CLOSED' });
    pools[0]!.finishAll();
    await running;
    // Closed: no idle timer restarts anything.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(pools).toHaveLength(1);
  });
});
