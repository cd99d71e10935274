import { expect, it } from 'vitest';
import { goodAccounts, reps } from './fixtures.ts';
import { checkA11y, describeInBrowser, screenshot, signInAsAdmin, useTessera } from './harness.ts';

describeInBrowser('the workspace home', () => {
  const app = useTessera();

  it('lists the datasets and scenarios with links to their pages', async () => {
    // Set up as an integrator would, with the admin token: a dataset and a scenario on it.
    const form = new FormData();
    form.set('name', 'East coast accounts');
    form.set(
      'accounts',
      new Blob([goodAccounts.buffer.toString()], { type: 'text/csv' }),
      'accounts.csv',
    );
    form.set('reps', new Blob([reps.buffer.toString()], { type: 'text/csv' }), 'reps.csv');
    const uploaded = await app().api('/api/datasets', { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const dataset = (await uploaded.json()) as { id: string };
    const created = await app().api('/api/scenarios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        version: 1,
        name: 'Nearest rep',
        dataset: { id: dataset.id },
        strategy: { id: 'nearest', params: {} },
        seed: 1,
      }),
    });
    expect(created.status).toBe(201);
    const scenario = (await created.json()) as { id: string };

    const page = await app().newPage();
    await signInAsAdmin(page);
    const datasets = page.getByTestId('datasets');
    await datasets.waitFor();
    const datasetLink = datasets.getByRole('link', { name: 'East coast accounts', exact: true });
    expect(await datasetLink.getAttribute('href')).toBe(`/datasets/${dataset.id}`);
    expect(await datasets.locator('tbody tr').first().textContent()).toMatch(/4\s*2/);

    const scenarios = page.getByTestId('scenarios');
    const scenarioLink = scenarios.getByRole('link', { name: 'Nearest rep', exact: true });
    expect(await scenarioLink.getAttribute('href')).toBe(`/scenarios/${scenario.id}`);
    expect(
      await scenarios
        .getByRole('link', { name: 'East coast accounts', exact: true })
        .getAttribute('href'),
    ).toBe(`/datasets/${dataset.id}`);

    // The nav marks where we are.
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Home' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await checkA11y(page);
    await screenshot(page, 'home');
  });

  it('is laid out at 1920×1080 too', async () => {
    const page = await app().newPage({ viewport: { width: 1920, height: 1080 } });
    await signInAsAdmin(page);
    await page.getByTestId('home').waitFor();
    // Nothing wider than the window: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1920);
    await screenshot(page, 'home-1920');
  });
});
