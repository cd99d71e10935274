import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseScenario } from '@tessera/scenarios';
import { TesseraError } from '@tessera/core';
import type { Download, Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { expect, it } from 'vitest';
import { checkA11y, describeInBrowser, screenshot, signInAsAdmin, useTessera } from './harness.ts';
import { distinctColours } from './pixels.ts';
import { createSampleDataset, waitForTerritoryMap } from './steps.ts';

// Small enough for SwiftShader and two shared cores; big enough for real territories.
const SAMPLE = { accounts: 1500, reps: 12, seed: 7 };
const RUN_TIMEOUT = 90_000;

/** The message @tessera/scenarios' own parser gives for a scenario: what the builder must show. */
function parserMessage(scenario: unknown): string {
  try {
    parseScenario(scenario);
  } catch (error) {
    if (error instanceof TesseraError) return error.message;
    throw error;
  }
  throw new Error('the scenario parsed: expected a refusal');
}

async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface TerritoryFile {
  type: string;
  features: {
    properties: { id: string };
    geometry: { type: string; coordinates: [number, number][][][] };
  }[];
}

/** Every corner of every US county of the bundled us-atlas file, as `lon,lat`. */
async function countyCorners(): Promise<Set<string>> {
  const path = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
  const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{
    counties: GeometryCollection;
  }>;
  const corners = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof (value as unknown[])[0] === 'number') {
      const [lon, lat] = value as [number, number];
      corners.add(`${String(lon)},${String(lat)}`);
    } else for (const part of value as unknown[]) add(part);
  };
  for (const county of feature(topology, topology.objects.counties).features) {
    if (county.geometry.type === 'Polygon' || county.geometry.type === 'MultiPolygon') {
      add(county.geometry.coordinates);
    }
  }
  return corners;
}

/** Waits for a frame of the results map with `count` territory shapes drawn. */
async function waitForShapes(page: Page, count: number): Promise<void> {
  await page
    .locator(`[data-testid="territory-map"][data-shape-count="${String(count)}"]`)
    .waitFor({ timeout: RUN_TIMEOUT });
}

async function waitForRun(page: Page): Promise<void> {
  await page
    .locator('[data-testid="scenario-page"][data-run-state="done"]')
    .waitFor({ timeout: RUN_TIMEOUT });
}

describeInBrowser('scenarios', () => {
  const app = useTessera();
  let datasetId = '';
  let scenarioId = '';

  it('builds a scenario on the sample data, runs it in the worker and shows its results', async () => {
    datasetId = await createSampleDataset(app(), SAMPLE);

    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/new?dataset=${datasetId}`);
    await page.getByTestId('strategy-params').waitFor();

    // The picker lists what the worker knows, built-ins included.
    const options = await page.getByTestId('strategy-select').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Geographic', 'Nearest rep', 'Rep skill']));

    await page.getByTestId('scenario-name').fill('West push');
    // The parameter form comes from the schema: a number with its default and range.
    const tolerance = page.getByLabel('Tolerance', { exact: true });
    expect(await tolerance.inputValue()).toBe('0.05');
    await tolerance.fill('0.1');

    // An edit with a bad factor: the builder says what the scenario package says, word for word.
    await page.getByLabel('New edit').selectOption({ label: 'Scale potential or workload' });
    await page.getByTestId('add-edit').click();
    const edit = page.getByTestId('edit').first();
    await edit.getByLabel('Factor').fill('-1');
    await edit.getByRole('radio', { name: 'A filter' }).check();
    await edit.getByRole('textbox', { name: 'Filter' }).fill('potential > 0');
    const expected = parserMessage({
      version: 1,
      name: 'West push',
      edits: [
        { type: 'scale', measure: 'potential', factor: -1, accounts: { filter: 'potential > 0' } },
      ],
      strategy: { id: 'geographic', params: { tolerance: 0.1 } },
      seed: 0,
    });
    const check = page.getByTestId('scenario-check');
    await page.locator('[data-testid="scenario-check"][data-valid="false"]').waitFor();
    expect(await check.textContent()).toContain(expected);
    expect(await edit.textContent()).toContain('must be at least 0');
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    await checkA11y(page);

    await edit.getByLabel('Factor').fill('1.5');
    await page
      .locator('[data-testid="scenario-check"][data-valid="true"]')
      .waitFor({ state: 'attached' });
    await screenshot(page, 'scenario-builder');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'scenario-builder-1920');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByTestId('run').click();
    await waitForRun(page);

    // KPI cards with their plain names, a row per territory, the map drawn.
    const kpis = page.getByTestId('kpis');
    for (const name of [
      'Balance index',
      'Workload deviation',
      'Compactness',
      'Travel',
      'Continuity',
    ]) {
      expect(await kpis.textContent()).toContain(name);
    }
    const rows = page.getByTestId('territory-table').locator('tbody tr');
    expect(await rows.count()).toBe(SAMPLE.reps);

    // Sorting by the keyboard: the header button, Enter; aria-sort follows.
    const workloadHeader = page
      .getByTestId('territory-table')
      .getByRole('columnheader', { name: /Workload/ });
    await workloadHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await workloadHeader.getAttribute('aria-sort')).toBe('descending');
    const workloads = await rows.locator('td:nth-of-type(3)').allTextContents();
    const numbers = workloads.map(
      (w) => Number(w.replace(/[^\d.]/g, '')) * (/K/.test(w) ? 1000 : 1),
    );
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    await waitForTerritoryMap(page, RUN_TIMEOUT);
    // The territory shapes come from their own worker after the run, then are drawn under the
    // dots: a frame with one per territory.
    await waitForShapes(page, SAMPLE.reps);
    expect(await distinctColours(page, page.getByTestId('map-surface'))).toBeGreaterThan(8);
    await checkA11y(page);
    await screenshot(page, 'scenario-results');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'scenario-results-1920');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Export the plan CSV and read it back: every account of the dataset, once.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('west-push-plan.csv');
    const text = await readDownload(download);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('account_id,territory_id,rep_id');
    const ids = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    expect(ids.size).toBe(SAMPLE.accounts);
    expect(lines.length - 1).toBe(SAMPLE.accounts);

    // The territories as GeoJSON: a feature per territory, named by its id.
    const [geojson] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-geojson').click(),
    ]);
    expect(geojson.suggestedFilename()).toBe('west-push-territories.geojson');
    const collection = JSON.parse(await readDownload(geojson)) as TerritoryFile;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(SAMPLE.reps);
    // Voronoi shapes that tile: a MultiPolygon per territory.
    for (const feature of collection.features) expect(feature.geometry.type).toBe('MultiPolygon');

    // The revenue simulation, in its own worker: P10 ≤ P50 ≤ P90.
    await page.getByTestId('simulate').click();
    await page
      .locator('[data-testid="simulation"][data-simulation-state="done"]')
      .waitFor({ timeout: RUN_TIMEOUT });
    const totals = page.getByTestId('simulation-totals');
    expect(await totals.textContent()).toMatch(/P10.*P50.*P90/s);
    await checkA11y(page);

    // Save: the address becomes the scenario's shareable link.
    await page.getByTestId('save').click();
    await page.locator('[data-testid="scenario-page"][data-save-state="saved"]').waitFor();
    await page.waitForURL(/\/scenarios\/sc_/);
    scenarioId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByTestId('share-link').inputValue()).toBe(page.url());
    const stored = await app().api(`/api/scenarios/${scenarioId}`);
    const record = (await stored.json()) as {
      revision: number;
      scenario: { name: string; edits: unknown[] };
    };
    expect(record.revision).toBe(1);
    expect(record.scenario.name).toBe('West push');
    expect(record.scenario.edits).toHaveLength(1);
  });

  it('tells the second of two saves about the conflict and loses nothing', async () => {
    const mine = await app().newPage();
    await signInAsAdmin(mine, `/scenarios/${scenarioId}`);
    await mine.getByTestId('strategy-params').waitFor();
    const theirs = await app().newPage();
    await signInAsAdmin(theirs, `/scenarios/${scenarioId}`);
    await theirs.getByTestId('strategy-params').waitFor();

    // They rename it and save first.
    await theirs.getByTestId('scenario-name').fill('West push (their version)');
    await theirs.getByTestId('save').click();
    await theirs.locator('[data-testid="scenario-page"][data-save-state="saved"]').waitFor();

    // I change the seed and the name, then save: refused, both versions shown, mine kept.
    await mine.getByTestId('scenario-name').fill('West push (mine)');
    await mine.getByLabel('Scenario seed').fill('42');
    await mine.getByTestId('save').click();
    const conflict = mine.getByTestId('save-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else saved this scenario');
    expect(await conflict.getByTestId('conflict-theirs').first().textContent()).toBe(
      'West push (their version)',
    );
    expect(await conflict.getByTestId('conflict-mine').first().textContent()).toBe(
      'West push (mine)',
    );
    expect(await mine.getByTestId('scenario-name').inputValue()).toBe('West push (mine)');
    expect(await mine.getByLabel('Scenario seed').inputValue()).toBe('42');
    await checkA11y(mine);
    await screenshot(mine, 'scenario-conflict');

    // Reload theirs and re-apply mine: my name and seed on their revision, then saved.
    await conflict.getByTestId('conflict-reapply').click();
    expect(await mine.getByTestId('scenario-name').inputValue()).toBe('West push (mine)');
    expect(await mine.getByLabel('Scenario seed').inputValue()).toBe('42');
    await mine.getByTestId('save').click();
    await mine.locator('[data-testid="scenario-page"][data-save-state="saved"]').waitFor();
    const record = (await (await app().api(`/api/scenarios/${scenarioId}`)).json()) as {
      revision: number;
      scenario: { name: string; seed: number };
    };
    expect(record.revision).toBe(3);
    expect(record.scenario).toMatchObject({ name: 'West push (mine)', seed: 42 });
  });

  it('runs a second scenario with another strategy', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/new?dataset=${datasetId}`);
    await page.getByTestId('strategy-params').waitFor();
    await page.getByTestId('scenario-name').fill('Nearest rep');
    await page.getByTestId('strategy-select').selectOption('nearest');
    await page.getByText('This strategy takes no parameters.').waitFor();
    await page.getByTestId('run').click();
    await waitForRun(page);
    expect(await page.getByTestId('run-results').textContent()).toContain(
      'Results of “Nearest rep”',
    );
    expect(await page.getByTestId('territory-table').locator('tbody tr').count()).toBeGreaterThan(
      1,
    );
    await checkA11y(page);
  });
  it('draws a county plan as unions of US counties, and exports those shapes', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/new?dataset=${datasetId}`);
    await page.getByTestId('strategy-params').waitFor();
    await page.getByTestId('scenario-name').fill('By county');
    await page.getByTestId('strategy-select').selectOption('geographic');
    await page.getByLabel('Units', { exact: true }).fill('county');
    await page
      .locator('[data-testid="scenario-check"][data-valid="true"]')
      .waitFor({ state: 'attached' });
    await page.getByTestId('run').click();
    await waitForRun(page);
    const territories = await page.getByTestId('territory-table').locator('tbody tr').count();
    await waitForTerritoryMap(page, RUN_TIMEOUT);
    await waitForShapes(page, territories);
    await screenshot(page, 'scenario-results-counties');

    const [geojson] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-geojson').click(),
    ]);
    expect(geojson.suggestedFilename()).toBe('by-county-territories.geojson');
    const collection = JSON.parse(await readDownload(geojson)) as TerritoryFile;
    expect(collection.features).toHaveLength(territories);
    // Unions of counties: every corner of every shape is a corner of a US county.
    const corners = await countyCorners();
    let checked = 0;
    for (const feature of collection.features) {
      expect(feature.geometry.type).toBe('MultiPolygon');
      for (const polygon of feature.geometry.coordinates) {
        for (const ring of polygon) {
          for (const [lon, lat] of ring) {
            expect(corners.has(`${String(lon)},${String(lat)}`)).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('asks before leaving with unsaved changes, and keeps them when told to stay', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/${scenarioId}`);
    await page.getByTestId('strategy-params').waitFor();
    await page.getByTestId('scenario-name').fill('Not saved yet');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Workspace' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/not saved/);
    expect(new URL(page.url()).pathname).toBe(`/scenarios/${scenarioId}`);
    expect(await page.getByTestId('scenario-name').inputValue()).toBe('Not saved yet');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('duplicates and deletes a saved scenario', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/${scenarioId}`);
    await page.getByTestId('strategy-params').waitFor();
    await page.getByTestId('duplicate').click();
    await page.waitForURL(
      (url) => url.pathname.startsWith('/scenarios/') && !url.pathname.endsWith(scenarioId),
    );
    await page.getByTestId('strategy-params').waitFor();
    const copyId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByTestId('scenario-name').inputValue()).toBe('Copy of West push (mine)');
    expect(await page.getByLabel('Scenario seed').inputValue()).toBe('42');

    await page.getByTestId('delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL((url) => url.pathname === '/');
    expect((await app().api(`/api/scenarios/${copyId}`)).status).toBe(404);
    expect((await app().api(`/api/scenarios/${scenarioId}`)).status).toBe(200);
  });

  it("shows a run's progress and cancels it, the page usable meanwhile", async () => {
    // Big enough that the run is still going when Cancel is pressed.
    const big = await createSampleDataset(app(), { accounts: 60_000, reps: 60, seed: 3 });
    const page = await app().newPage();
    await signInAsAdmin(page, `/scenarios/new?dataset=${big}`);
    await page.getByTestId('strategy-params').waitFor();
    await page.getByTestId('run').click();
    const bar = page.getByRole('progressbar', { name: 'Run progress' });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    // The page answers while the worker runs: typing in the builder still works.
    await page.getByTestId('scenario-name').fill('Renamed while running');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Renamed while running',
    );
    await page.getByTestId('cancel-run').click();
    await page.locator('[data-testid="scenario-page"][data-run-state="cancelled"]').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
  });
});
