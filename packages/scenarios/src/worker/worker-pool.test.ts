import { TesseraError } from '@tessera/core';
import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, type PoolWorker } from './worker-pool.js';

// In-thread "workers": a comlink object over a MessageChannel, failed by hand. The pool's real
// workers (threads, timeouts, out-of-memory) are tested in src/node/worker-pool.test.ts.
interface EchoApi {
  echo(value: string): string;
}

interface FakeWorker extends PoolWorker<EchoApi> {
  crash(message: string): void;
  terminated: boolean;
}

function fakeWorker(): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  expose({ echo: (value: string) => value } satisfies EchoApi, port1);
  const listeners: ((error: Error) => void)[] = [];
  const worker: FakeWorker = {
    remote: wrap<EchoApi>(port2),
    terminated: false,
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    onFailure(listener) {
      listeners.push(listener);
    },
    crash(message) {
      for (const listener of listeners) listener(new Error(message));
    },
  };
  return worker;
}

const pools: WorkerPool<EchoApi>[] = [];
function pool(spawn: () => PoolWorker<EchoApi>, size = 1): WorkerPool<EchoApi> {
  const created = new WorkerPool<EchoApi>({ size, spawn });
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {
  it('rejects bad options', () => {
    expect(() => new WorkerPool({ size: 0, spawn: fakeWorker })).toThrow(
      new TesseraError(
        'INVALID_OPTION',
        'worker pool: size must be an integer of at least 1, got 0',
      ),
    );
    expect(() => new WorkerPool({ size: 1, spawn: fakeWorker, timeoutMs: -1 })).toThrow(
      /timeoutMs must be a number of milliseconds/,
    );
  });

  it('rejects at once when the signal is already aborted', async () => {
    let spawned = 0;
    const p = pool(() => {
      spawned++;
      return fakeWorker();
    });
    const task = p.exec((remote) => remote.echo('x'), {
      signal: AbortSignal.abort(),
      label: 'scenario "early"',
    });
    await expect(task).rejects.toThrow('scenario "early": cancelled');
    expect(spawned).toBe(0);
  });

  it('fails the task that needed a worker that could not start, then recovers', async () => {
    let attempts = 0;
    const p = pool(() => {
      if (attempts++ === 0) throw new Error('no such module');
      return fakeWorker();
    });
    await expect(p.exec((remote) => remote.echo('a'), { label: 'first' })).rejects.toMatchObject({
      code: 'WORKER_FAILED',
      message: 'first: could not start a worker: no such module',
    });
    expect(await p.exec((remote) => remote.echo('b'))).toBe('b');
  });

  it('drops a worker that dies while idle and spawns a fresh one with empty state', async () => {
    const workers: FakeWorker[] = [];
    const p = pool(() => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker;
    });
    const firstId = await p.exec((_, ctx) => {
      ctx.worker.state.set('loaded', true);
      return Promise.resolve(ctx.worker.id);
    });
    workers[0]!.crash('gone');
    expect(workers[0]!.terminated).toBe(true);
    expect(p.stats().workers).toBe(0);
    const second = await p.exec(async (remote, ctx) => ({
      id: ctx.worker.id,
      loaded: ctx.worker.state.get('loaded'),
      echo: await remote.echo('c'),
    }));
    expect(second).toEqual({ id: firstId + 1, loaded: undefined, echo: 'c' });
  });

  it('fails the running task when its worker crashes', async () => {
    const worker = fakeWorker();
    const p = pool(() => worker);
    const running = p.exec(
      () =>
        new Promise<never>(() => {
          queueMicrotask(() => {
            worker.crash('the worker ran out of memory');
          });
        }),
      { label: 'scenario "big"' },
    );
    await expect(running).rejects.toMatchObject({
      code: 'WORKER_FAILED',
      message: 'scenario "big": the worker ran out of memory',
    });
  });

  it('disposes with await using', async () => {
    const worker = fakeWorker();
    {
      await using p = new WorkerPool<EchoApi>({ size: 1, spawn: () => worker });
      expect(await p.exec((remote) => remote.echo('d'))).toBe('d');
    }
    expect(worker.terminated).toBe(true);
  });
});
