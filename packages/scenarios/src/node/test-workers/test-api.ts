// The API of the test worker the generic pool's tests drive: each method is one way a task
// can behave (answer, report progress, throw, spin, yield to a cancel, eat memory).
import { TesseraError } from '@tessera/core';

export interface TestApi {
  add(a: number, b: number): number;
  /** Reports i / steps for each step, then returns steps. */
  count(steps: number, onProgress: (fraction: number) => void | Promise<void>): Promise<number>;
  /** Sums an array (sent by clone or transfer). */
  sum(values: Float64Array): number;
  fail(code: string, message: string): never;
  /** A synchronous infinite loop: only terminate() stops it. */
  spin(): never;
  /** Waits until cancelled through {@link cancel}, then rejects. */
  waitForCancel(taskId: string): Promise<never>;
  cancel(taskId: string): boolean;
  /** Allocates until the heap is exhausted. */
  exhaustMemory(): number;
  /** Exits the worker thread. */
  exit(code: number): void;
}

export function createTestApi(exit: (code: number) => void): TestApi {
  const waiting = new Map<string, (error: Error) => void>();
  return {
    add: (a, b) => a + b,
    async count(steps, onProgress) {
      for (let i = 1; i <= steps; i++) await onProgress(i / steps);
      return steps;
    },
    sum(values) {
      let total = 0;
      for (const value of values) total += value;
      return total;
    },
    fail(code, message) {
      throw new TesseraError(code, message);
    },
    spin() {
      for (;;) {
        // Never yields: the cooperative cancel cannot get in.
      }
    },
    waitForCancel(taskId) {
      return new Promise((_, reject) => {
        waiting.set(taskId, reject);
      });
    },
    cancel(taskId) {
      const reject = waiting.get(taskId);
      waiting.delete(taskId);
      reject?.(new TesseraError('TEST_CANCELLED', `task ${taskId} stopped by request`));
      return reject !== undefined;
    },
    exhaustMemory() {
      const hog: number[][] = [];
      for (;;) hog.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
    },
    exit,
  };
}
