import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Tessera } from './harness.ts';

/** How much generated sample data to store: POST /api/datasets/sample's body. */
export interface SampleSize {
  accounts: number;
  reps: number;
  seed: number;
}

/** Stores generated sample data through the API, as an integrator would: its dataset's id. */
export async function createSampleDataset(tessera: Tessera, sample: SampleSize): Promise<string> {
  const created = await tessera.api('/api/datasets/sample', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sample),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Waits for the territory map's first frame with data (its own data-map-ready signal). */
export async function waitForTerritoryMap(page: Page, timeout: number): Promise<Locator> {
  await page.locator('[data-testid="territory-map"][data-map-ready="true"]').waitFor({ timeout });
  return page.getByTestId('territory-map');
}
