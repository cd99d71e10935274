import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // apps/web/e2e: the planner in Chromium against a real server (its own project: it builds the
    // app and starts a browser once per run).
    projects: ['packages/*', 'apps/*', 'examples/*', 'apps/web/e2e'],
    // Vitest's default (cores − 1) is one file at a time on a 2-core machine, while much of the
    // suite waits on servers, child processes and Chromium: a file per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
