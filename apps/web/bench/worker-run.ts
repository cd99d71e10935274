// The planner's data path in headless Chromium: N generated accounts (N/2000 reps) stored by
// the API server, then the browser check page (/browser-check) loads them into the page as
// binary columns decoded in a worker, and runs a geographic scenario in the scenario worker.
//   pnpm --filter @tessera/api... build && node apps/web/bench/worker-run.ts [N]
// (builds apps/web first when its sources are newer than build/). Three fresh browser contexts,
// medians printed as JSON lines: load to tables, and the run as the page waited for it (the
// dataset's first trip to a worker included) with the worker's own time, then the territory
// shapes drawn in their worker (shapesMs); each with the longest main-thread task seen while it
// lasted (the run's figure covers the shapes too).
import { readConfig, startServer } from '@tessera/api';
import { chromium } from 'playwright-core';
import { BUILD_DIR, ensureWebBuild } from '../e2e/build-web.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium.ts';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0 || rows > 200_000) {
  console.error(
    `N must be an integer from 1 to 200000 (the sample route's limit), got "${process.argv[2] ?? ''}"`,
  );
  process.exit(1);
}
const ROUNDS = 3;
const TOKEN = 'bench-bootstrap-token-0123456789abcdef';
const ADMIN = { email: 'bench@example.com', password: 'bench admin password' };

await ensureWebBuild((line) => process.stderr.write(`${line}\n`));
const server = await startServer(
  readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TESSERA_DATA: 'memory://',
    TESSERA_BOOTSTRAP_TOKEN: TOKEN,
    TESSERA_WORKERS: '1',
    TESSERA_WEB_DIR: BUILD_DIR,
  }),
  { log: { info: () => {}, error: (message) => process.stderr.write(`server: ${message}\n`) } },
);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const sample = await fetch(`${server.url}/api/datasets/sample`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ accounts: rows, reps: Math.max(10, Math.round(rows / 2000)), seed: 1 }),
  });
  if (sample.status !== 201)
    throw new Error(`sample dataset: ${sample.status} ${await sample.text()}`);
  const { id } = (await sample.json()) as { id: string };
  const cookie = await adminCookie(server.url);

  const figures: {
    loadMs: number;
    runMs: number;
    workerMs: number;
    shapesMs: number;
    rebuildMs: number;
    longestLoadTaskMs: number;
    longestRunTaskMs: number;
    longestShapesTaskMs: number;
  }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A fresh context: nothing cached, a new page, new workers.
    const context = await browser.newContext({ baseURL: server.url });
    await context.addCookies([{ ...cookie, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`/browser-check?dataset=${id}`);
    await page.getByTestId('worker-strategies').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Run the check' }).click();
    const check = page.locator('[data-testid="browser-check"]');
    await page
      .locator('[data-testid="browser-check"]:is([data-state="done"], [data-state="failed"])')
      .waitFor({ timeout: 600_000 });
    if ((await check.getAttribute('data-state')) !== 'done') {
      throw new Error(`the check failed: ${(await page.getByRole('alert').textContent()) ?? ''}`);
    }
    const number = async (name: string) => Number(await check.getAttribute(`data-${name}`));
    figures.push({
      loadMs: await number('load-ms'),
      runMs: await number('run-ms'),
      workerMs: await number('worker-ms'),
      shapesMs: await number('shapes-ms'),
      rebuildMs: await number('rebuild-ms'),
      longestLoadTaskMs: await number('longest-load-task-ms'),
      longestRunTaskMs: await number('longest-run-task-ms'),
      longestShapesTaskMs: await number('longest-shapes-task-ms'),
    });
    await context.close();
  }
  process.stderr.write(`rounds: ${JSON.stringify(figures)}\n`);
  const median = (pick: (f: (typeof figures)[number]) => number) =>
    figures.map(pick).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  console.log(
    JSON.stringify({
      name: 'browser: dataset load to tables (columns decoded in a worker)',
      rows,
      ms: median((f) => f.loadMs),
      longestMainThreadTaskMs: Math.max(...figures.map((f) => f.longestLoadTaskMs)),
    }),
  );
  console.log(
    JSON.stringify({
      name: 'browser: geographic run in the scenario worker',
      rows,
      ms: median((f) => f.runMs),
      workerMs: median((f) => f.workerMs),
      shapesMs: median((f) => f.shapesMs),
      rebuildMs: median((f) => f.rebuildMs),
      longestMainThreadTaskMs: Math.max(...figures.map((f) => f.longestRunTaskMs)),
      longestShapesTaskMs: Math.max(...figures.map((f) => f.longestShapesTaskMs)),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

/** The first admin, set up over tRPC as the sign-in page would: its session cookie. */
async function adminCookie(url: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${url}/trpc/auth.setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`first admin: ${response.status} ${await response.text()}`);
  const pair = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
}
