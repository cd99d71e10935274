import { TEST_FILES_AT_ONCE } from '@tessera/tooling/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // apps/web/e2e: the planner in Chromium against a real server (its own project: it builds the
    // app and starts a browser once per run).
    projects: ['packages/*', 'apps/*', 'examples/*', 'apps/web/e2e'],
    maxWorkers: TEST_FILES_AT_ONCE,
  },
});
