import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The planner in a real browser: Debian's Chromium driven by playwright-core against the real
 * API server (in-process, PGlite in memory) serving the built app. Files run one at a time:
 * Chromium on SwiftShader and the servers share two cores with everything else.
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
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
