import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from './build-web.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test files connect to the one Chromium of the run; '' when there is none. */
    browserWsEndpoint: string;
  }
}

/**
 * Once per run: the app built (when its sources are newer than build/), and one Chromium that
 * every test file connects to. Without Chromium the suite is skipped, unless
 * TESSERA_REQUIRE_BROWSER=1 (CI) makes that a failure.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    const message = `${CHROMIUM} is missing`;
    if (process.env.TESSERA_REQUIRE_BROWSER === '1') {
      throw new Error(`TESSERA_REQUIRE_BROWSER=1 but ${message} (apt-get install chromium)`);
    }
    console.warn(`web e2e: ${message}, browser tests skipped (apt-get install chromium)`);
    project.provide('browserWsEndpoint', '');
    return async () => {};
  }
  await ensureWebBuild((line) => {
    console.log(line);
  });
  const browser: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  project.provide('browserWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
