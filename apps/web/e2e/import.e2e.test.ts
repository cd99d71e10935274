import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accountsWithUnknownOwner, badAccounts, goodAccounts, reps } from './fixtures.ts';
import {
  checkA11y,
  describeInBrowser,
  screenshot,
  signInAsAdmin,
  useTessera,
  type Tessera,
} from './harness.ts';

async function storedDatasets(tessera: Tessera): Promise<number> {
  const response = await tessera.api('/api/datasets');
  return ((await response.json()) as unknown[]).length;
}

const onDatasetPage = (url: URL) => /^\/datasets\/ds_[\w-]+$/.test(url.pathname);

async function importState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="import-page"][data-state="${state}"]`).waitFor();
}

describeInBrowser('importing a dataset', () => {
  const app = useTessera();

  it('shows how the headers will be read, then reports a bad row by line and stores nothing', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, '/import');
    await checkA11y(page);
    const before = await storedDatasets(app());

    await page.getByLabel('Accounts CSV').setInputFiles(badAccounts);
    await page.getByLabel('Reps CSV').setInputFiles(reps);
    // The mapping is read in the browser before anything is sent.
    const mapping = page.getByTestId('mapping-accounts');
    await mapping.waitFor();
    expect(await mapping.locator('summary').textContent()).toMatch(
      /7 columns, 5 recognised under another name, 1 kept as an attribute/,
    );
    const zipRow = mapping.locator('tr', { hasText: 'ZIP' });
    expect(await zipRow.textContent()).toMatch(/ZIP\s*postal_code\s*alias/);
    expect(await page.getByTestId('mapping-reps').locator('tr.alias').count()).toBe(2);
    expect(await page.getByLabel('Dataset name').inputValue()).toBe('accounts-bad');
    await screenshot(page, 'import-mapping');

    await page.getByTestId('import-submit').click();
    await importState(page, 'refused');
    const rows = page.getByTestId('issue-row');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['Accounts', '3', 'Latitude', '95']);
    expect(cells[4]).toMatch(/-90/);
    expect(await page.getByTestId('issue-report').getByRole('heading').textContent()).toMatch(
      /Nothing was imported: 1\s*problem/,
    );
    expect(await storedDatasets(app())).toBe(before);
    await checkA11y(page);
    await screenshot(page, 'import-refused');

    // Fixed file, same form: imported and on to the dataset page.
    await page.getByLabel('Accounts CSV').setInputFiles(goodAccounts);
    await page.getByLabel('Dataset name').fill('Fixed accounts');
    await page.getByTestId('import-submit').click();
    await page.waitForURL(onDatasetPage);
    expect(await storedDatasets(app())).toBe(before + 1);
  });

  it('shows the warnings of rows kept with a doubt before going on', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, '/import');
    await page.getByLabel('Accounts CSV').setInputFiles(accountsWithUnknownOwner);
    await page.getByLabel('Reps CSV').setInputFiles(reps);
    await page.getByTestId('import-submit').click();
    await importState(page, 'imported');
    const warnings = page.getByTestId('import-warnings');
    expect(await warnings.locator('li').first().textContent()).toMatch(/R9/);
    const open = warnings.getByRole('link', { name: 'Open the dataset' });
    expect(await open.getAttribute('href')).toMatch(/^\/datasets\/ds_/);
    await checkA11y(page);
    await screenshot(page, 'import-warnings');
  });

  it('works from the keyboard alone: tab to each file input, choose, import', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, '/import');
    await page.getByTestId('import-form').waitFor();

    for (const [name, file] of [
      ['accounts', goodAccounts],
      ['reps', reps],
    ] as const) {
      // Listen before moving the focus: the chooser is only caught once Playwright has turned
      // on interception in the browser, which on a busy machine can lag a key press sent at once.
      const chooser = page.waitForEvent('filechooser');
      await tabUntil(page, `input[type="file"][name="${name}"]`);
      await page.keyboard.press('Space');
      await (await chooser).setFiles(file);
      await page.getByTestId(`chosen-${name}`).waitFor();
    }
    await tabUntil(page, '[data-testid="import-submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(onDatasetPage);
  });

  it('"Try with sample data" stores the sample and opens its dataset page', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page, '/import');
    const before = await storedDatasets(app());
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.waitForURL(onDatasetPage, { timeout: 90_000 });
    expect(await storedDatasets(app())).toBe(before + 1);
  });
});

/** Presses Tab until `selector` has the focus; fails after 40 presses. */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)
    ) {
      return;
    }
  }
  throw new Error(`${selector} never took the focus by Tab`);
}
