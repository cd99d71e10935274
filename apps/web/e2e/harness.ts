import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { readConfig, startServer, type RunningServer } from '@tessera/api';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, onTestFinished } from 'vitest';
import { BUILD_DIR } from './build-web.ts';

/** The admin every suite signs in as (created through the first-run setup). */
export const ADMIN = { email: 'admin@example.com', password: 'e2e admin password' } as const;

/** An admin API token for setting data up from the test, as an integrator would. */
export const ADMIN_TOKEN = 'web-e2e-bootstrap-token-0123456789abcdef';

export const VIEWPORT = { width: 1280, height: 800 } as const;

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const wsEndpoint = inject('browserWsEndpoint');

/**
 * `describe` for browser tests: skipped when the run has no Chromium (global-setup says why,
 * and fails the run instead under TESSERA_REQUIRE_BROWSER=1).
 */
export const describeInBrowser = describe.runIf(wsEndpoint !== '');

export interface Tessera {
  /** The API server, serving the built planner at `/`. */
  server: RunningServer;
  url: string;
  /**
   * A page in a fresh browser context (own cookies) at 1280×800. Uncaught page errors and
   * console errors fail the test that opened it; the context closes when that test ends.
   */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** A REST call with the admin API token. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

const servers = new WeakMap<Page, Tessera>();

/**
 * A fresh API server (PGlite in memory, its own database) for the calling test file, serving
 * the built app, and a connection to the run's Chromium. Call at the top of a `describeInBrowser`.
 */
export function useTessera(options: { env?: Record<string, string> } = {}): () => Tessera {
  let tessera: Tessera | null = null;
  let browser: Browser | null = null;
  let server: RunningServer | null = null;
  const logged: string[] = [];

  beforeAll(async () => {
    server = await startServer(
      readConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        TESSERA_DATA: 'memory://',
        TESSERA_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
        TESSERA_WORKERS: '1',
        TESSERA_WEB_DIR: BUILD_DIR,
        ...options.env,
      }),
      {
        log: {
          info: (message) => logged.push(message),
          error: (message, error) =>
            logged.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
        },
      },
    );
    browser = await chromium.connect(wsEndpoint);
    const running = server;
    const connected = browser;
    tessera = {
      server: running,
      url: running.url,
      newPage: (pageOptions) => openPage(connected, running.url, pageOptions?.viewport),
      api: (path, init = {}) => {
        const headers = new Headers(init.headers);
        if (!headers.has('authorization')) headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
        return fetch(new URL(path, running.url), { ...init, headers });
      },
    };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return () => {
    if (!tessera) throw new Error('useTessera(): the server is not started yet (use it in a test)');
    return tessera;
  };

  async function openPage(
    connected: Browser,
    baseURL: string,
    viewport: { width: number; height: number } = VIEWPORT,
  ): Promise<Page> {
    const context: BrowserContext = await connected.newContext({ baseURL, viewport });
    const page = await context.newPage();
    servers.set(page, tessera!);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // A refused request (401 before sign-in, 422 for a bad file) is the app's normal traffic,
      // which the browser logs as "Failed to load resource": the app handles those answers.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(`console.error: ${message.text()}`);
      }
    });
    onTestFinished(async () => {
      await context.close();
      const why = logged.filter((line) => /error/i.test(line));
      expect(errors, `errors in the page (server log: ${why.join(' | ') || 'clean'})`).toEqual([]);
    });
    return page;
  }
}

function tesseraOf(page: Page): Tessera {
  const tessera = servers.get(page);
  if (!tessera) throw new Error('this page was not opened with useTessera().newPage()');
  return tessera;
}

interface CallerAnswer {
  result?: { data: { csrfToken: string } };
  error?: { message: string };
}

/**
 * Makes sure {@link ADMIN} exists (through the first-run setup when the server has nobody yet)
 * and opens a session for it over HTTP: the `name=value` of its cookie.
 */
export async function adminSession(tessera: Pick<Tessera, 'url'>): Promise<string> {
  const { url } = tessera;
  const status = (await (await fetch(new URL('/trpc/auth.status', url))).json()) as {
    result: { data: { needsFirstAdmin: boolean } };
  };
  const procedure = status.result.data.needsFirstAdmin ? 'auth.setup' : 'auth.signIn';
  const response = await fetch(new URL(`/trpc/${procedure}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const answer = (await response.json()) as CallerAnswer;
  if (!response.ok) throw new Error(`signing in as admin failed: ${answer.error?.message ?? ''}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * Signs the page in as {@link ADMIN} by handing an {@link adminSession} cookie to the page's
 * context, then opens `path` and waits for the signed-in header. Signing in through the form
 * itself is what sign-in.e2e.test.ts tests.
 */
export async function signInAsAdmin(page: Page, path = '/'): Promise<void> {
  const tessera = tesseraOf(page);
  const cookie = await adminSession(tessera);
  const eq = cookie.indexOf('=');
  await page.context().addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      url: tessera.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  await page.goto(path);
  await page.getByTestId('signed-in-user').waitFor();
}

/** A PNG of the page, under e2e/screenshots/ (kept by the run, ignored by git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function checkA11y(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
        .join('\n'),
  );
  expect(report, `axe-core on ${page.url()}`).toEqual([]);
}
