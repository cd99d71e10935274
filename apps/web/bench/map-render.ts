// The dataset page's map in headless Chromium (SwiftShader WebGL): how long from navigation to
// the first map render with every account drawn, and how long a frame takes while panning.
//   pnpm --filter @tessera/api... build
//   node apps/web/bench/map-render.ts [N accounts, default 100000] [--screenshot out.png]
// The web app is built first when its sources are newer than apps/web/build (as the e2e suite
// does). The built API server runs in this process on PGlite in a temp folder, serving it;
// N generated accounts (N/2000 reps, at least 20) are uploaded as CSV, a first admin signs in,
// and each repeat opens the page in a fresh browser context (no cache). One JSON line:
//   ms            navigation → first render of the accounts (data-map-ready), median of repeats
//   columnsMs     navigation → the columns' last byte (the download), same page
//   panFrameMs    median time between rendered frames while dragging the map, p95 beside it
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, readConfig } from '@tessera/api';
import { chromium, type Page } from 'playwright-core';
import { TOKEN } from '../../api/bench/bench-server.ts';
import { uploadSample } from '../../api/bench/upload-sample.ts';
import { BUILD_DIR, ensureWebBuild } from '../e2e/build-web.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium.ts';

const args = process.argv.slice(2);
const shotFlag = args.indexOf('--screenshot');
const screenshot = shotFlag >= 0 ? args.splice(shotFlag, 2)[1] : undefined;
const rows = Number(args[0] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`N must be a positive integer, got "${args[0] ?? ''}"`);
  process.exit(1);
}
const REPEATS = rows > 300_000 ? 1 : 3;
await ensureWebBuild((line) => process.stderr.write(`${line}\n`));

/**
 * Signs the browser in: the first context makes the first admin (so its session cookie lands
 * in the browser), later ones sign in with the same password.
 */
async function signIn(page: Page, url: string, first: boolean): Promise<void> {
  await page.goto(`${url}/sign-in`, { waitUntil: 'domcontentloaded' });
  const status = await page.evaluate(
    async (path) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-1234' }),
      });
      return response.status;
    },
    first ? '/trpc/auth.setup' : '/trpc/auth.signIn',
  );
  if (status !== 200) throw new Error(`signing in answered ${status}`);
}

/** ms after navigation start at which the map said it drew the accounts, and the download's end. */
async function openDataset(page: Page, url: string): Promise<{ ms: number; columnsMs: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.waitForFunction(
    () => (document.querySelector('[data-map-ready="true"]') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 600_000 },
  );
  const ms = await ready.jsonValue();
  const columnsMs = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/columns')) as PerformanceResourceTiming | undefined;
    return entry?.responseEnd ?? Number.NaN;
  });
  return { ms, columnsMs };
}

/** Drags the map and times the frames deck.gl draws meanwhile (its render counter). */
async function panFrames(page: Page): Promise<{ median: number; p95: number; frames: number }> {
  const surface = page.getByTestId('map-surface');
  const box = (await surface.boundingBox())!;
  await page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('[data-testid="territory-map"]')!;
    const times: number[] = [];
    (window as unknown as { panFrames: number[] }).panFrames = times;
    new MutationObserver(() => times.push(performance.now())).observe(map, {
      attributes: true,
      attributeFilter: ['data-render-count'],
    });
  });
  const x = box.x + box.width * 0.4;
  const y = box.y + box.height * 0.5;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Software WebGL takes seconds a frame at a million dots: fewer steps keep the run short.
  const steps = rows > 300_000 ? 4 : 20;
  await page.mouse.move(x + 240, y + 60, { steps });
  await page.mouse.move(x - 120, y - 40, { steps });
  await page.mouse.up();
  const times = await page.evaluate(() => (window as unknown as { panFrames: number[] }).panFrames);
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i]!)
    .sort((a, b) => a - b);
  if (gaps.length === 0) throw new Error('the map drew no frame while panning');
  return {
    median: gaps[Math.floor(gaps.length / 2)]!,
    p95: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))]!,
    frames: gaps.length + 1,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-map-bench-'));
const server = await startServer(
  readConfig({
    PORT: '0',
    TESSERA_DATA: join(dir, 'data'),
    TESSERA_BOOTSTRAP_TOKEN: TOKEN,
    TESSERA_WEB_DIR: BUILD_DIR,
    TESSERA_MAX_BODY_MB: '2048',
    TESSERA_RATE_LIMIT: '100000000',
  }),
  {
    log: {
      info: () => undefined,
      error: (m, e) => {
        console.error(m, e);
      },
    },
  },
);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const id = await uploadSample(server.url, {
    accounts: rows,
    reps: Math.max(20, Math.round(rows / 2000)),
    name: `Map bench: ${rows.toLocaleString('en-US')} accounts`,
  });
  const page = `${server.url}/datasets/${id}`;
  const firsts: number[] = [];
  const downloads: number[] = [];
  let pan: Awaited<ReturnType<typeof panFrames>> | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    await signIn(tab, server.url, i === 0);
    const { ms, columnsMs } = await openDataset(tab, page);
    firsts.push(ms);
    downloads.push(columnsMs);
    if (i === REPEATS - 1) {
      pan = await panFrames(tab);
      if (screenshot) await tab.screenshot({ path: screenshot });
    }
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify({
      name: 'dataset page: navigation to first map render (headless Chromium, SwiftShader)',
      rows,
      ms: Math.round(median(firsts)),
      peakRssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
      columnsMs: Math.round(median(downloads)),
      panFrameMs: +pan!.median.toFixed(1),
      panFrameP95Ms: +pan!.p95.toFixed(1),
      panFrames: pan!.frames,
    }),
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
