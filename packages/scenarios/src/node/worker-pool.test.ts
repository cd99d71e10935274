import { proxy, transfer } from 'comlink';
import { failureOf } from '../testing/failure-of.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../worker/worker-pool.js';
import { createNodeWorkerPool } from './node-scenario-pool.js';
import type { TestApi } from './test-workers/test-api.js';

const workerUrl = new URL('./test-workers/test-api-worker.ts', import.meta.url);
const pools: WorkerPool<TestApi>[] = [];

interface TestPoolOptions {
  size?: number;
  timeoutMs?: number;
  cancelGraceMs?: number;
  maxOldGenerationSizeMb?: number;
}

function testPool(options: TestPoolOptions = {}): WorkerPool<TestApi> {
  const pool = createNodeWorkerPool<TestApi>({
    workerUrl,
    size: options.size ?? 1,
    timeoutMs: options.timeoutMs,
    cancelGraceMs: options.cancelGraceMs ?? 100,
    resourceLimits:
      options.maxOldGenerationSizeMb === undefined
        ? undefined
        : { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb },
  });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('WorkerPool on worker_threads', { timeout: 30_000 }, () => {
  it('returns results and relays progress', async () => {
    const pool = testPool();
    expect(await pool.exec((remote) => remote.add(2, 3))).toBe(5);
    const seen: number[] = [];
    const steps = await pool.exec((remote) =>
      remote.count(
        4,
        proxy((fraction: number) => {
          seen.push(fraction);
        }),
      ),
    );
    expect(steps).toBe(4);
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('moves arrays as transferables and detaches the sender', async () => {
    const pool = testPool();
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const total = await pool.exec((remote) => remote.sum(transfer(values, [values.buffer])));
    expect(total).toBe(499_500);
    expect(values.byteLength).toBe(0);
  });

  it('queues tasks beyond its size, in order, one per worker', async () => {
    const pool = testPool({ size: 2 });
    const started: number[] = [];
    const workerIds = new Set<number>();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        pool.exec(async (remote, ctx) => {
          started.push(i);
          workerIds.add(ctx.worker.id);
          expect(pool.stats().busy).toBeLessThanOrEqual(2);
          return remote.add(i, 10);
        }),
      ),
    );
    expect(results).toEqual([10, 11, 12, 13, 14, 15]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(workerIds.size).toBe(2);
    expect(pool.stats()).toEqual({ workers: 2, busy: 0, queued: 0 });
  });

  it('spawns workers only when tasks need them', async () => {
    const pool = testPool({ size: 4 });
    expect(pool.stats().workers).toBe(0);
    await pool.exec((remote) => remote.add(1, 1));
    expect(pool.stats().workers).toBe(1);
  });

  it('passes a thrown error with its message and code, then keeps serving', async () => {
    const pool = testPool();
    const failure = await failureOf(
      pool.exec((remote) => remote.fail('BAD_INPUT', 'filter "x": position 3: unexpected ">"')),
    );
    expect(failure).toEqual({
      code: 'BAD_INPUT',
      message: 'filter "x": position 3: unexpected ">"',
    });
    expect(await pool.exec((remote) => remote.add(1, 2))).toBe(3);
  });

  it('stops a task that yields with a cooperative cancel, keeping its worker', async () => {
    // A grace far beyond a message's round trip: the worker must be kept, not replaced.
    const pool = testPool({ cancelGraceMs: 10_000 });
    const controller = new AbortController();
    let workerId = 0;
    const waiting = pool.exec(
      (remote, ctx) => {
        workerId = ctx.worker.id;
        ctx.signal.addEventListener('abort', () => void remote.cancel('t1'));
        queueMicrotask(() => {
          controller.abort();
        });
        return remote.waitForCancel('t1');
      },
      { signal: controller.signal, label: 'scenario "north"' },
    );
    const failure = await failureOf(waiting);
    expect(failure).toEqual({ code: 'RUN_CANCELLED', message: 'scenario "north": cancelled' });
    expect(await pool.exec(async (remote, ctx) => [await remote.add(1, 1), ctx.worker.id])).toEqual(
      [2, workerId],
    );
  });

  it('terminates and replaces a worker stuck in a synchronous loop when cancelled', async () => {
    const pool = testPool();
    const controller = new AbortController();
    let stuckWorker = 0;
    const spinning = pool.exec(
      (remote, ctx) => {
        stuckWorker = ctx.worker.id;
        ctx.worker.state.set('dataset', 'loaded');
        setTimeout(() => {
          controller.abort();
        }, 50);
        return remote.spin();
      },
      { signal: controller.signal, label: 'scenario "spin"' },
    );
    const failure = await failureOf(spinning);
    expect(failure.code).toBe('RUN_CANCELLED');
    expect(failure.message).toBe(
      'scenario "spin": cancelled; the worker did not stop within 100 ms and was replaced',
    );
    const next = await pool.exec(async (remote, ctx) => ({
      sum: await remote.add(2, 2),
      worker: ctx.worker.id,
      state: ctx.worker.state.get('dataset'),
    }));
    expect(next.sum).toBe(4);
    expect(next.worker).not.toBe(stuckWorker);
    expect(next.state).toBeUndefined();
  });

  it('times out a synchronous loop, replaces the worker and keeps serving', async () => {
    const pool = testPool({ size: 1, timeoutMs: 5_000 });
    const failure = await failureOf(
      pool.exec((remote) => remote.spin(), { timeoutMs: 50, label: 'scenario "hang"' }),
    );
    expect(failure).toEqual({
      code: 'RUN_TIMEOUT',
      message:
        'scenario "hang": timed out after 50 ms; the worker did not stop within 100 ms and was replaced',
    });
    expect(await pool.exec((remote) => remote.add(5, 5))).toBe(10);
  });

  it('fails a task whose worker runs out of memory, and replaces the worker', async () => {
    const pool = testPool({ maxOldGenerationSizeMb: 32 });
    const failure = await failureOf(
      pool.exec((remote) => remote.exhaustMemory(), { label: 'scenario "greedy"' }),
    );
    expect(failure).toEqual({
      code: 'WORKER_FAILED',
      message:
        'scenario "greedy": the worker ran out of memory (resourceLimits.maxOldGenerationSizeMb: 32)',
    });
    expect(await pool.exec((remote) => remote.add(1, 1))).toBe(2);
  });

  it('fails a task whose worker exits under it', async () => {
    const pool = testPool();
    const failure = await failureOf(
      pool.exec((remote) => remote.exit(3), { label: 'scenario "quit"' }),
    );
    expect(failure).toEqual({
      code: 'WORKER_FAILED',
      message: 'scenario "quit": the worker exited unexpectedly with code 3',
    });
    expect(await pool.exec((remote) => remote.add(1, 1))).toBe(2);
  });

  it('cancels a queued task without running it', async () => {
    const pool = testPool();
    const controller = new AbortController();
    const first = pool.exec((remote) =>
      remote.count(
        1,
        proxy(() => undefined),
      ),
    );
    let ran = false;
    const queued = pool.exec(
      async (remote) => {
        ran = true;
        return remote.add(1, 1);
      },
      { signal: controller.signal, label: 'scenario "later"' },
    );
    controller.abort();
    expect(await failureOf(queued)).toEqual({
      code: 'RUN_CANCELLED',
      message: 'scenario "later": cancelled',
    });
    expect(await first).toBe(1);
    expect(ran).toBe(false);
  });

  it('rejects queued and running tasks on close, and new ones after', async () => {
    const pool = testPool();
    const running = failureOf(
      pool.exec((remote) => remote.waitForCancel('forever'), { label: 'a' }),
    );
    const queued = failureOf(pool.exec((remote) => remote.add(1, 1), { label: 'b' }));
    await pool.close();
    expect(await running).toEqual({
      code: 'POOL_CLOSED',
      message: 'a: the worker pool was closed',
    });
    expect(await queued).toEqual({
      code: 'POOL_CLOSED',
      message: 'b: the worker pool was closed',
    });
    expect((await failureOf(pool.exec((remote) => remote.add(1, 1), { label: 'c' }))).code).toBe(
      'POOL_CLOSED',
    );
    expect(pool.stats().workers).toBe(0);
  });

  it('fails a task cleanly when its worker module cannot load', async () => {
    const pool = createNodeWorkerPool<TestApi>({
      workerUrl: new URL('./test-workers/missing-worker.ts', import.meta.url),
      size: 1,
    });
    pools.push(pool);
    const failure = await failureOf(pool.exec((remote) => remote.add(1, 1), { label: 'x' }));
    expect(failure.code).toBe('WORKER_FAILED');
    expect(failure.message).toMatch(/^x: the worker crashed: .*missing-worker/);
  });
});
