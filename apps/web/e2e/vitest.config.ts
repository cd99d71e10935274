import { fileURLToPath } from 'node:url';
import { TEST_FILES_AT_ONCE } from '@tessera/tooling/vitest';
import { defineProject } from 'vitest/config';

/**
 * The planner in a real browser: Debian's Chromium driven by playwright-core against the real
 * API server (in-process, PGlite in memory) serving the built app. Its files share the run's
 * workers with every other project's (not one at a time after all of them, as Vitest runs
 * projects without file parallelism): the timeouts are sized for a busy machine.
 */
export default defineProject({
  resolve: { conditions: ['@tessera/source'] },
  ssr: { resolve: { conditions: ['@tessera/source'] } },
  test: {
    name: 'web-e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    maxWorkers: TEST_FILES_AT_ONCE,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
