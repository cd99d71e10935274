import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { checkA11y, describeInBrowser, screenshot, signInAsAdmin, useTessera } from './harness.ts';

// Main-thread long tasks during a 100k load and run are a figure of bench/worker-run.ts
// (longestMainThreadTaskMs), not an assertion here: tests never assert on wall-clock time, and
// on a loaded machine the OS stretches short tasks past 50 ms.

interface CheckFigures {
  state: string | null;
  runFraction: number;
  accounts: number;
  planAccounts: number;
  unassigned: number;
  loadMs: number;
  runMs: number;
}

/** Runs the page's check and waits for its own signal that it ended. */
async function runCheck(
  page: Page,
  timeout: number,
): Promise<{ figures: CheckFigures; since: number }> {
  const check = page.getByTestId('browser-check');
  const since = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run the check' }).click();
  await page
    .locator('[data-testid="browser-check"]:is([data-state="done"], [data-state="failed"])')
    .waitFor({ timeout });
  const attribute = async (name: string) => check.getAttribute(`data-${name}`);
  const number = async (name: string) => Number(await attribute(name));
  const figures: CheckFigures = {
    state: await attribute('state'),
    runFraction: await number('run-fraction'),
    accounts: await number('accounts'),
    planAccounts: await number('plan-accounts'),
    unassigned: await number('unassigned'),
    loadMs: await number('load-ms'),
    runMs: await number('run-ms'),
  };
  if (figures.state !== 'done') {
    throw new Error(`the check failed: ${(await page.getByRole('alert').textContent()) ?? ''}`);
  }
  return { figures, since };
}

async function sampleDataset(
  app: () => { api(path: string, init?: RequestInit): Promise<Response> },
  accounts: number,
) {
  const response = await app().api('/api/datasets/sample', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accounts, reps: Math.max(10, Math.round(accounts / 2000)), seed: 7 }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describeInBrowser('datasets in the browser, scenarios in the worker', () => {
  const app = useTessera();

  it('loads the sample dataset into the page and runs a geographic scenario in the worker', async () => {
    const datasetId = await sampleDataset(app, 2000);
    const page = await app().newPage();
    await signInAsAdmin(page, `/browser-check?dataset=${datasetId}`);
    // The worker lists its strategies: the built-ins (no project config here).
    const strategies = page.getByTestId('worker-strategies');
    await strategies.getByText('geographic', { exact: true }).waitFor();
    expect(await strategies.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);

    const { figures } = await runCheck(page, 90_000);
    expect(figures.runFraction).toBe(1);
    expect(figures.accounts).toBe(2000);
    expect(figures.planAccounts).toBe(2000);
    expect(figures.unassigned).toBe(0);
    await checkA11y(page);
    await screenshot(page, 'browser-check');

    // The dataset is kept for the session and the pool already holds it: a second run
    // downloads nothing.
    const downloads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/columns')) downloads.push(request.url());
    });
    const again = await runCheck(page, 90_000);
    expect(again.figures.planAccounts).toBe(2000);
    expect(downloads).toEqual([]);
  });
});
