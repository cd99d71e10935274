import { expect, it } from 'vitest';
import { ADMIN, checkA11y, describeInBrowser, screenshot, useTessera } from './harness.ts';

describeInBrowser('a new server', () => {
  const app = useTessera();

  it('asks for the first admin account, then opens the empty workspace signed in', async () => {
    const page = await app().newPage();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Create the first admin account' }).waitFor();
    await checkA11y(page);
    await screenshot(page, 'first-run-setup');

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again').fill('not the same password');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page
      .getByTestId('sign-in-error')
      .getByText(/two passwords differ/)
      .waitFor();

    await page.getByLabel('Password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain(ADMIN.email);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByRole('link', { name: 'Import CSVs' }).getAttribute('href')).toBe(
      '/import',
    );
    await checkA11y(page);
    await screenshot(page, 'home-empty');
  });

  it('offers sign-in, not setup, once the admin exists', async () => {
    const page = await app().newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Tessera' }).waitFor();
    expect(await page.getByLabel('Password again').count()).toBe(0);
  });
});
