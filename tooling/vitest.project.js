import { availableParallelism } from 'node:os';
import { defineProject } from 'vitest/config';

/**
 * Test files run at once. Vitest's default (cores − 1) is one at a time on a 2-core machine,
 * while much of the suite waits on servers, child processes and Chromium: a file per core keeps
 * both busy. The root config and every project use this one number (Vitest refuses projects of
 * one group with different ones).
 */
export const TEST_FILES_AT_ONCE = Math.max(2, availableParallelism());

/**
 * The Vitest project every package uses: tests sit beside the code (`src/**\/*.test.ts`)
 * and workspace packages resolve to their sources, so `pnpm test` needs no build.
 * @param {string} name
 */
export function tesseraProject(name) {
  return defineProject({
    resolve: { conditions: ['@tessera/source'] },
    ssr: { resolve: { conditions: ['@tessera/source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      // Sized for a loaded 2-core machine (CI runs the suite beside other work); a test that
      // needs longer says so itself.
      maxWorkers: TEST_FILES_AT_ONCE,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}
