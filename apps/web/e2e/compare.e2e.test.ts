import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { checkA11y, describeInBrowser, screenshot, signInAsAdmin, useTessera } from './harness.ts';
import { distinctColours } from './pixels.ts';
import { createSampleDataset } from './steps.ts';

// Small enough for SwiftShader on two shared cores; big enough for real territories and moves.
const SAMPLE = { accounts: 1500, reps: 12, seed: 11 };
const READY_TIMEOUT = 120_000;

/** Waits for the comparison and every map's first frame with data (the app's own signals). */
async function waitForComparison(page: Page, maps: number): Promise<Locator> {
  await page
    .locator('[data-testid="compare"][data-comparison-ready="true"]')
    .waitFor({ timeout: READY_TIMEOUT });
  const ready = page.locator('[data-testid="compare-map"] [data-map-ready="true"]');
  await expect.poll(() => ready.count(), { timeout: READY_TIMEOUT }).toBe(maps);
  return page.getByTestId('compare-map');
}

describeInBrowser('comparing scenarios', () => {
  const app = useTessera();
  const ids: string[] = [];
  const names = ['Balanced on workload', 'Nearest rep'];

  it('opens two scenarios of the sample data side by side from the home page, on one camera', async () => {
    const datasetId = await createSampleDataset(app(), SAMPLE);
    const strategies = [
      { id: 'geographic', params: { balanceOn: 'workload' } },
      { id: 'nearest', params: {} },
    ];
    for (const [k, strategy] of strategies.entries()) {
      const saved = await app().api('/api/scenarios', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          version: 1,
          name: names[k],
          dataset: { id: datasetId },
          strategy,
          seed: 1,
        }),
      });
      expect(saved.status).toBe(201);
      ids.push(((await saved.json()) as { id: string }).id);
    }

    // From the home page's scenario list: "Compare" opens the picker with that scenario picked.
    const page = await app().newPage();
    await signInAsAdmin(page);
    await page
      .getByTestId('scenarios')
      .getByRole('link', { name: `Compare "${names[0]!}" with other scenarios` })
      .click();
    await page.waitForURL((url) => url.pathname === '/compare');
    expect(new URL(page.url()).searchParams.get('s')).toBe(ids[0]);
    const picker = page.getByTestId('scenario-picker');
    expect(await picker.getByRole('checkbox', { name: names[0] }).isChecked()).toBe(true);
    await picker.getByRole('checkbox', { name: names[1] }).check();
    await picker.getByRole('button', { name: /^Compare 2 scenarios$/ }).click();
    // The selection is the link: it can be shared.
    await page.waitForURL((url) => url.searchParams.get('s') === ids.join(','));

    const maps = await waitForComparison(page, 2);
    for (let s = 0; s < 2; s++) {
      const map = maps.nth(s);
      expect(
        Number(await map.getByTestId('territory-map').getAttribute('data-render-count')),
      ).toBeGreaterThan(0);
      // Pixels, not a blank canvas: sea, land, outlines and a dozen territory colours.
      expect(await distinctColours(page, map.locator('canvas'))).toBeGreaterThan(12);
      // Each run's territory shapes, from the shapes worker: one per territory of its plan.
      await map
        .locator('[data-testid="territory-map"]:not([data-shape-count="0"])')
        .waitFor({ timeout: 90_000 });
    }

    // Accounts moved against the first are counted on the second map and ringed.
    expect(await maps.nth(1).locator('header').textContent()).toMatch(
      new RegExp(`[1-9][\\d,]* accounts moved against "${names[0]!}"`),
    );

    // The KPI table: a delta with its verdict in words for every metric of the second scenario.
    const deltas = page.getByTestId('kpi-delta');
    expect(await deltas.count()).toBeGreaterThanOrEqual(10);
    for (const text of await deltas.allTextContents()) {
      expect(text).toMatch(/, (better|worse|no change)\s*$/);
    }
    const balance = page.locator(
      '[data-metric="balance.workload.index"] [data-testid="kpi-delta"]',
    );
    expect(await balance.getAttribute('data-verdict')).toMatch(/^(better|worse|same)$/);

    // The flows between territories and each rep's workload change.
    expect(Number(await page.getByTestId('flow-chart').getAttribute('data-flows'))).toBeGreaterThan(
      0,
    );
    expect(await page.getByTestId('rep-workload').locator('li').count()).toBe(SAMPLE.reps);

    await screenshot(page, 'compare');

    // Panning one map moves the other: the view state is shared.
    const first = maps.nth(0).getByTestId('territory-map');
    const second = maps.nth(1).getByTestId('territory-map');
    const before = await second.getAttribute('data-longitude');
    expect(await first.getAttribute('data-longitude')).toBe(before);
    const box = (await maps.nth(0).getByTestId('map-surface').boundingBox())!;
    const x = box.x + box.width * 0.3;
    const y = box.y + box.height * 0.5;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 120, y + 40, { steps: 12 });
    await page.mouse.up();
    // SwiftShader on shared cores may take seconds a frame: wait on the attributes, generously.
    const moving = { timeout: 30_000 };
    const both = (attribute: string) => async () => {
      const [one, two] = await Promise.all([
        first.getAttribute(attribute),
        second.getAttribute(attribute),
      ]);
      return { moved: one !== before, same: one === two };
    };
    await expect.poll(both('data-longitude'), moving).toEqual({ moved: true, same: true });
    // And the other way round: zooming the second map zooms the first.
    const zoomBefore = await first.getAttribute('data-zoom');
    await maps.nth(1).getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => {
        const [one, two] = await Promise.all([
          first.getAttribute('data-zoom'),
          second.getAttribute('data-zoom'),
        ]);
        return { zoomed: one !== zoomBefore, same: one === two };
      }, moving)
      .toEqual({ zoomed: true, same: true });

    await checkA11y(page);
  });

  it('adopts one scenario, stored through the API for the whole workspace', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page);
    // A shared link, opened as it is: the selection comes from the URL alone.
    await page.goto(`/compare?s=${ids.join(',')}`);
    const maps = await waitForComparison(page, 2);
    await maps
      .nth(1)
      .getByRole('button', { name: `Adopt "${names[1]!}"` })
      .click();
    await maps.nth(1).getByTestId('adopted-badge').waitFor();
    expect(
      await page.getByRole('status').filter({ hasText: 'adopted plan' }).textContent(),
    ).toContain(names[1]);
    const stored = (await (await app().api(`/api/scenarios/${ids[1]!}`)).json()) as {
      scenario: { description?: string };
    };
    expect(stored.scenario.description).toMatch(
      new RegExp(`^Adopted on \\d{4}-\\d{2}-\\d{2} over "${names[0]!}"\\.$`),
    );

    // Adopting the other takes the mark off the first one adopted.
    await maps
      .nth(0)
      .getByRole('button', { name: `Adopt "${names[0]!}"` })
      .click();
    await maps.nth(0).getByTestId('adopted-badge').waitFor();
    await expect
      .poll(() => maps.nth(1).getByTestId('adopted-badge').count(), { timeout: 30_000 })
      .toBe(0);
    const unmarked = (await (await app().api(`/api/scenarios/${ids[1]!}`)).json()) as {
      scenario: { description?: string };
    };
    expect(unmarked.scenario.description).toBeUndefined();
    await checkA11y(page);
  });

  it('is laid out at 1920×1080, and a link to one scenario asks for another', async () => {
    const page = await app().newPage({ viewport: { width: 1920, height: 1080 } });
    await signInAsAdmin(page);
    // A shared link, opened as it is: the selection comes from the URL alone.
    await page.goto(`/compare?s=${ids.join(',')}`);
    await waitForComparison(page, 2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1920);
    await screenshot(page, 'compare-1920');

    await page.goto(`/compare?s=${ids[0]!}`);
    await page.getByText('Pick at least 1 more scenario to compare with.').waitFor();
    expect(await page.getByTestId('compare-map').count()).toBe(0);
    await checkA11y(page);
  });
});
