import { expect, it } from 'vitest';
import {
  ADMIN,
  adminSession,
  checkA11y,
  describeInBrowser,
  screenshot,
  signInAsAdmin,
  useTessera,
} from './harness.ts';

describeInBrowser('signing out and in', () => {
  const app = useTessera();

  it('signs out to the sign-in page; a wrong password is told; the right one signs in', async () => {
    const page = await app().newPage();
    await signInAsAdmin(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);

    // The session is gone on the server too: the home page sends us back.
    await page.goto('/');
    await page.waitForURL('**/sign-in');

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toBe('Wrong email or password.');
    await checkA11y(page);
    await screenshot(page, 'sign-in-wrong-password');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain(ADMIN.email);
  });

  it('comes back to the page asked for after signing in', async () => {
    await adminSession(app());
    const page = await app().newPage();
    await page.goto('/import');
    await page.waitForURL('**/sign-in?next=%2Fimport');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/import');
    await page.getByTestId('import-page').waitFor();
  });
});
