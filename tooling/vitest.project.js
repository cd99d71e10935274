import { defineProject } from 'vitest/config';

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
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}
