import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { hexToRgba, TERRITORY_PALETTE } from '#lib/map/palette.ts';
import { checkA11y, describeInBrowser, screenshot, signInAsAdmin, useTessera } from './harness.ts';
import { screenPixels } from './pixels.ts';
import { waitForTerritoryMap } from './steps.ts';

// SwiftShader on two shared cores: the first frame of a map takes seconds, not milliseconds.
const READY_TIMEOUT = 180_000;

/** What a screenshot of the map holds. */
interface Census {
  /** Distinct colours (5 bits a channel) covering at least 20 pixels each. */
  distinct: number;
  /** Territory palette colours found, with a pixel of each (page coordinates). */
  territoryPixels: { colour: number; x: number; y: number }[];
}

/**
 * Counts the colours of the map as it is on screen, and finds pixels painted exactly in a
 * territory colour outside the legend and buttons: the centres of account dots (or rep homes).
 */
async function census(page: Page, map: Locator): Promise<Census> {
  const box = (await map.boundingBox())!;
  const legend = (await map.getByTestId('map-legend').boundingBox())!;
  const legendLeft = legend.x - box.x;
  const palette = TERRITORY_PALETTE.map((hex) => hexToRgba(hex).slice(0, 3));
  const { data, width, height } = await screenPixels(page, map);
  const counts = new Map<number, number>();
  const hits = new Map<number, { x: number; y: number }[]>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      // Clear of the buttons (left) and the legend (right): only the map itself.
      if (x < 60 || x > legendLeft - 8) continue;
      palette.forEach(([pr, pg, pb], c) => {
        if (Math.abs(r - pr!) + Math.abs(g - pg!) + Math.abs(b - pb!) > 6) return;
        const list = hits.get(c) ?? [];
        if (list.length < 12) list.push({ x, y });
        hits.set(c, list);
      });
    }
  }
  return {
    distinct: [...counts.values()].filter((n) => n >= 20).length,
    territoryPixels: [...hits].flatMap(([colour, list]) =>
      list.map((p) => ({ colour, x: box.x + p.x, y: box.y + p.y })),
    ),
  };
}

/** The map's render counter: deck.gl has drawn this many frames with the data. */
async function renders(map: Locator): Promise<number> {
  return Number(await map.getAttribute('data-render-count'));
}

async function zoomOf(map: Locator): Promise<number> {
  return Number(await map.getAttribute('data-zoom'));
}

describeInBrowser('the dataset map', () => {
  const app = useTessera();
  let datasetPath = '';

  it('maps the sample data by territory: tooltip, inspector, keyboard, legend', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, '/import');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.waitForURL(/\/datasets\/[^/]+$/, { timeout: 120_000 });
    datasetPath = new URL(page.url()).pathname;

    const map = await waitForTerritoryMap(page, READY_TIMEOUT);
    expect(await renders(map)).toBeGreaterThan(0);
    expect(await page.getByTestId('dataset-summary').textContent()).toContain('10,000');
    expect(await page.getByRole('link', { name: 'New scenario' }).getAttribute('href')).toMatch(
      /^\/scenarios\/new\?dataset=ds_/,
    );

    // Not blank: the base map's greys and blues plus several territory colours.
    const seen = await census(page, map);
    expect(seen.distinct).toBeGreaterThanOrEqual(12);
    expect(new Set(seen.territoryPixels.map((p) => p.colour)).size).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'dataset-map');

    // Hovering a dot shows its account: name or id, territory, workload.
    const tooltip = page.getByTestId('map-tooltip');
    let hovered: { x: number; y: number } | null = null;
    for (const pixel of seen.territoryPixels) {
      await page.mouse.move(pixel.x, pixel.y);
      const shown = await tooltip
        .waitFor({ timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (shown && (await tooltip.textContent())?.includes('Workload')) {
        hovered = pixel;
        break;
      }
    }
    expect(hovered, 'no account dot answered the pointer').not.toBeNull();
    await screenshot(page, 'dataset-map-tooltip');

    // Clicking it opens the inspector on that account, even when the press lasts longer than
    // deck.gl's 250 ms tap (a slow GPU's picking pass alone can take that): held on purpose.
    await page.mouse.click(hovered!.x, hovered!.y, { delay: 400 });
    const inspector = page.getByTestId('map-inspector');
    await inspector.waitFor({ timeout: 30_000 });
    expect(await inspector.textContent()).toMatch(/Account\s*A\d+/);
    expect(await inspector.textContent()).toContain('Workload');
    await inspector.getByRole('button', { name: 'Close details' }).click();
    await inspector.waitFor({ state: 'detached' });

    // The keyboard: the map takes focus, + zooms in, an arrow pans.
    const surface = page.getByTestId('map-surface');
    await surface.focus();
    expect(await surface.getAttribute('aria-label')).toMatch(/10,000 accounts in \d+ territories/);
    const zoom = await zoomOf(map);
    await page.keyboard.press('Equal');
    await expect.poll(() => zoomOf(map), { timeout: 30_000 }).toBeGreaterThan(zoom + 0.9);
    const longitude = Number(await map.getAttribute('data-longitude'));
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => Number(await map.getAttribute('data-longitude')), { timeout: 30_000 })
      .toBeGreaterThan(longitude);

    // Tab leaves the map for its buttons, then the legend; a territory opens in the inspector.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Zoom in',
    );
    const firstTerritory = page.getByTestId('map-legend').getByRole('button').first();
    const name = (await firstTerritory.locator('.name').textContent())!.trim();
    for (
      let i = 0;
      i < 6 && !(await firstTerritory.evaluate((b) => b === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await inspector.waitFor();
    expect(await inspector.getByRole('heading').textContent()).toContain(name);
    expect(await firstTerritory.getAttribute('aria-pressed')).toBe('true');
    await inspector.getByRole('button', { name: 'Close details' }).focus();
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'detached' });

    await checkA11y(page);
  });

  it('fills a 1920×1080 screen, and moves without animation for reduced motion', async () => {
    expect(datasetPath).not.toBe('');
    const page = await app().newPage({ viewport: { width: 1920, height: 1080 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signInAsAdmin(page, datasetPath);
    const map = await waitForTerritoryMap(page, READY_TIMEOUT);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1920);
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(1400);
    expect(box.height).toBeGreaterThan(900);
    const seen = await census(page, map);
    expect(new Set(seen.territoryPixels.map((p) => p.colour)).size).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'dataset-map-1920');

    // Every zoom the map goes through on its way, as the page sees them.
    await map.evaluate((element) => {
      const seenZooms: string[] = [];
      (window as unknown as { zooms: string[] }).zooms = seenZooms;
      new MutationObserver(() => seenZooms.push(element.dataset.zoom ?? '')).observe(element, {
        attributes: true,
        attributeFilter: ['data-zoom'],
      });
    });
    const zoom = await zoomOf(map);
    await page.getByTestId('map-surface').focus();
    await page.keyboard.press('Minus');
    await expect.poll(() => zoomOf(map), { timeout: 30_000 }).toBeLessThan(zoom - 0.9);
    const zooms = await page.evaluate(() => (window as unknown as { zooms: string[] }).zooms);
    // One step, straight to the new zoom: no glide through the values between.
    expect(zooms.map(Number).filter((z) => z < zoom - 0.01 && z > zoom - 0.99)).toEqual([]);
    await checkA11y(page);
  });
});
