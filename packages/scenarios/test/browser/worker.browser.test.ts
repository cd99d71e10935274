// The scenario pool in a real browser: Vite bundles a page and its module worker, Chromium
// runs them, and the plan must equal the one computed here in-thread.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '@tessera/scenarios';
import { smallDataset, smallScenario } from './fixture/small-dataset.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const hasChromium = existsSync(CHROMIUM);
const requireBrowser = process.env.TESSERA_REQUIRE_BROWSER === '1';

const fixtureDir = fileURLToPath(new URL('./fixture/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

interface PageResult {
  territoryOf: number[];
  territories: unknown;
  metrics: unknown;
  progress: { stage: string; fraction: number }[];
  hang: { code: string; message: string } | null;
  afterHang: number[];
  poolSize: number;
}

if (!hasChromium) {
  console.warn(
    `worker.browser.test: ${CHROMIUM} is missing, browser test skipped ` +
      '(apt-get install chromium; TESSERA_REQUIRE_BROWSER=1 makes this a failure)',
  );
}

describe.runIf(!hasChromium && requireBrowser)('browser worker (required)', () => {
  it('needs Chromium', () => {
    expect.fail(`TESSERA_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing`);
  });
});

describe.runIf(hasChromium)(
  'scenario pool in a browser module worker',
  { timeout: 180_000 },
  () => {
    let outDir = '';
    let server: Server | undefined;
    let origin = '';

    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'tessera-browser-'));
      await build({
        root: fixtureDir,
        configFile: false,
        logLevel: 'silent',
        resolve: {
          conditions: ['@tessera/source', ...defaultClientConditions],
        },
        worker: { format: 'es' },
        build: { outDir, emptyOutDir: true, minify: false, sourcemap: false },
      });
      server = await serveStatic(outDir);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no server address');
      origin = `http://127.0.0.1:${address.port}`;
    });

    afterAll(async () => {
      const running = server;
      if (running) {
        await new Promise((resolve) => {
          running.close(resolve);
        });
      }
      if (outDir) await rm(outDir, { recursive: true, force: true });
    });

    it('runs a scenario in a worker with the in-thread plan, progress, and survives a hang', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const pageErrors: string[] = [];
      let text: string;
      let state: string | null;
      try {
        const page = await browser.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        await page.goto(`${origin}/index.html`);
        const result = page.locator('#result[data-done]');
        await result.waitFor({ timeout: 120_000 });
        text = (await result.textContent()) ?? '';
        state = await result.getAttribute('data-done');
      } finally {
        await browser.close();
      }
      expect(state, `page failed: ${text} ${pageErrors.join('; ')}`).toBe('ok');
      const page = JSON.parse(text) as PageResult;

      const local = await runScenario(smallDataset(), smallScenario);
      expect(page.territoryOf).toEqual([...local.plan.territoryOf]);
      expect(page.territories).toEqual(local.plan.territories);
      // Another V8 may round trigonometry differently in the last bits: compare to 9 digits.
      expect(rounded(page.metrics)).toEqual(rounded(JSON.parse(JSON.stringify(local.metrics))));
      expect(page.poolSize).toBeGreaterThanOrEqual(1);

      expect(page.progress.length).toBeGreaterThan(1);
      expect(page.progress.map((p) => p.stage)).toContain('strategy');
      expect(page.progress.at(-1)?.fraction).toBe(1);

      expect(page.hang).toEqual({
        code: 'RUN_TIMEOUT',
        message:
          'scenario "stuck": timed out after 300 ms; the worker did not stop within 100 ms and was replaced',
      });
      expect(page.afterHang).toEqual(page.territoryOf);
    });
  },
);

/** Every number in a JSON value rounded to 9 significant digits. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_, v: unknown) =>
    typeof v === 'number' ? Number(v.toPrecision(9)) : v,
  );
}

/** Serves a directory on 127.0.0.1 at a free port. */
async function serveStatic(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response
          .writeHead(200, {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          })
          .end(body);
      },
      () => {
        response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
